// PINs and reception devices: the SQL behind quick switching on a shared reception computer.
import type { Database } from 'better-sqlite3';
import type { ReceptionComputer } from '../../shared/reception';
import type { PinClearReason } from '../../shared/reception';

export type MemberPin = { memberId: number; pinHash: string; failedAttempts: number; locked: boolean };

export type ReceptionDeviceRecord = { id: number; locationId: number; failedAttempts: number; locked: boolean };

export type RosterRow = { id: number; name: string; pinLocked: boolean };

/** After a wrong PIN: the member's count, and which of the two locked just now. */
export type FailureOutcome = { memberFailures: number; memberLockedNow: boolean; deviceLockedNow: boolean };

type PinRow = { member_id: number; pin_hash: string; failed_attempts: number; locked_at: number | null };
type DeviceRow = { id: number; location_id: number; failed_attempts: number; locked_at: number | null };
type ComputerRow = {
  id: number;
  location_id: number;
  location_name: string;
  registered_by: string | null;
  registered_at: number;
  locked_at: number | null;
};

export type ReceptionRepository = ReturnType<typeof createReceptionRepository>;

const isSet = (value: number | null | undefined) => value !== null && value !== undefined;

/** Rolls back the device's count when the member's refuses. */
class MemberAtLimit extends Error {}

export function createReceptionRepository(db: Database) {
  const selectPin = db.prepare<[number], PinRow>(
    'SELECT member_id, pin_hash, failed_attempts, locked_at FROM member_pins WHERE member_id = ?',
  );
  const upsertPin = db.prepare<{ memberId: number; pinHash: string; now: number }>(
    `INSERT INTO member_pins (member_id, pin_hash, updated_at) VALUES (:memberId, :pinHash, :now)
     ON CONFLICT (member_id) DO UPDATE SET pin_hash = :pinHash, failed_attempts = 0, locked_at = NULL, updated_at = :now`,
  );
  const deletePin = db.prepare<[number]>('DELETE FROM member_pins WHERE member_id = ?');
  const replacePinHash = db.prepare<{ memberId: number; from: string; to: string }>(
    'UPDATE member_pins SET pin_hash = :to WHERE member_id = :memberId AND pin_hash = :from',
  );
  const clearPinFailures = db.prepare<[number]>(
    'UPDATE member_pins SET failed_attempts = 0, locked_at = NULL WHERE member_id = ? AND (failed_attempts > 0 OR locked_at IS NOT NULL)',
  );
  // A PIN try is counted when it is admitted, before its hash is checked, and only while the
  // count is below the limit: the limit is never exceeded however many arrive at once.
  const admitPinTry = db.prepare<{ memberId: number; max: number }>(
    `UPDATE member_pins SET failed_attempts = failed_attempts + 1
      WHERE member_id = :memberId AND failed_attempts < :max AND locked_at IS NULL`,
  );
  // A wrong try was already counted; at the limit it locks (once: locked_at is kept).
  const lockPinAtLimit = db.prepare<{ memberId: number; max: number; now: number }, { failed_attempts: number; locked_at: number | null }>(
    `UPDATE member_pins
        SET locked_at = CASE WHEN failed_attempts >= :max THEN coalesce(locked_at, :now) ELSE locked_at END
      WHERE member_id = :memberId
     RETURNING failed_attempts, locked_at`,
  );
  const upsertClearance = db.prepare<{ memberId: number; reason: PinClearReason; now: number }>(
    `INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (:memberId, :reason, :now)
     ON CONFLICT (member_id) DO UPDATE SET reason = :reason, cleared_at = :now`,
  );
  const deleteClearance = db.prepare<[number]>('DELETE FROM pin_clearances WHERE member_id = ?');
  const selectClearance = db.prepare<[number], { reason: PinClearReason; cleared_at: number }>(
    'SELECT reason, cleared_at FROM pin_clearances WHERE member_id = ?',
  );
  const selectDevice = db.prepare<[Buffer], DeviceRow>(
    'SELECT id, location_id, failed_attempts, locked_at FROM reception_devices WHERE token_hash = ?',
  );
  const selectDeviceById = db.prepare<[number], DeviceRow>('SELECT id, location_id, failed_attempts, locked_at FROM reception_devices WHERE id = ?');
  const insertDevice = db.prepare<{ tokenHash: Buffer; locationId: number; memberId: number; now: number }>(
    `INSERT INTO reception_devices (token_hash, location_id, registered_by, registered_at)
     VALUES (:tokenHash, :locationId, :memberId, :now)`,
  );
  const rebindDevice = db.prepare<{ id: number; locationId: number; memberId: number; now: number }>(
    `UPDATE reception_devices
        SET location_id = :locationId, registered_by = :memberId, registered_at = :now, failed_attempts = 0, locked_at = NULL
      WHERE id = :id`,
  );
  const clearDeviceFailures = db.prepare<[number]>(
    'UPDATE reception_devices SET failed_attempts = 0 WHERE id = ? AND failed_attempts > 0',
  );
  const admitDeviceTry = db.prepare<{ id: number; max: number }>(
    `UPDATE reception_devices SET failed_attempts = failed_attempts + 1
      WHERE id = :id AND failed_attempts < :max AND locked_at IS NULL`,
  );
  const lockDeviceAtLimit = db.prepare<{ id: number; max: number; now: number }, { locked_at: number | null }>(
    `UPDATE reception_devices
        SET locked_at = CASE WHEN failed_attempts >= :max THEN coalesce(locked_at, :now) ELSE locked_at END
      WHERE id = :id
     RETURNING locked_at`,
  );
  // Owners work at every location (as at sign-in); others where they are assigned.
  const selectRoster = db.prepare<[number], { id: number; name: string; locked_at: number | null }>(
    `SELECT m.id, m.name, p.locked_at
       FROM member_pins p JOIN team_members m ON m.id = p.member_id
      WHERE m.role = 'owner'
         OR EXISTS (SELECT 1 FROM member_locations ml WHERE ml.member_id = m.id AND ml.location_id = ?)
      ORDER BY m.name COLLATE NOCASE, m.id`,
  );

  const selectComputers = db.prepare<[], ComputerRow>(
    `SELECT d.id, d.location_id, l.name AS location_name, m.name AS registered_by, d.registered_at, d.locked_at
       FROM reception_devices d
       JOIN locations l ON l.id = d.location_id
       LEFT JOIN team_members m ON m.id = d.registered_by
      ORDER BY d.registered_at DESC, d.id DESC`,
  );
  const deleteDevice = db.prepare<[number]>('DELETE FROM reception_devices WHERE id = ?');

  const toDevice = (row: DeviceRow): ReceptionDeviceRecord => ({
    id: row.id,
    locationId: row.location_id,
    failedAttempts: row.failed_attempts,
    locked: row.locked_at !== null,
  });

  return {
    pinOf(memberId: number): MemberPin | null {
      const row = selectPin.get(memberId);
      return row
        ? { memberId: row.member_id, pinHash: row.pin_hash, failedAttempts: row.failed_attempts, locked: row.locked_at !== null }
        : null;
    },
    /** Sets or replaces a PIN; a new PIN starts with no failures and unlocked. */
    setPin(memberId: number, pinHash: string, now: number): void {
      db.transaction(() => {
        upsertPin.run({ memberId, pinHash, now });
        deleteClearance.run(memberId);
      })();
    },
    /** Re-hashes a PIN only if it is still `from` (the one just checked): a PIN changed or
     * removed meanwhile stays as it is. Answers whether it replaced it. */
    replacePinHash(memberId: number, from: string, to: string): boolean {
      return replacePinHash.run({ memberId, from, to }).changes > 0;
    },
    /** The member removed their own PIN: no notice of an earlier clearance stays either. */
    removePin(memberId: number): void {
      db.transaction(() => {
        deletePin.run(memberId);
        deleteClearance.run(memberId);
      })();
    },
    /** Takes a member's PIN away for a reason they are told on their Profile. Answers whether
     * they had one. Called inside the transaction of the change that causes it. */
    clearPin(memberId: number, reason: PinClearReason, now: number): boolean {
      const had = deletePin.run(memberId).changes > 0;
      if (had) upsertClearance.run({ memberId, reason, now });
      return had;
    },
    pinClearance(memberId: number): { reason: PinClearReason; at: number } | null {
      const row = selectClearance.get(memberId);
      return row ? { reason: row.reason, at: row.cleared_at } : null;
    },
    /** After a correct PIN or a password sign-in. */
    clearPinFailures(memberId: number): void {
      clearPinFailures.run(memberId);
    },
    deviceByTokenHash(tokenHash: Buffer): ReceptionDeviceRecord | null {
      const row = selectDevice.get(tokenHash);
      return row ? toDevice(row) : null;
    },
    registerDevice(tokenHash: Buffer, locationId: number, memberId: number, now: number): number {
      return Number(insertDevice.run({ tokenHash, locationId, memberId, now }).lastInsertRowid);
    },
    /** Binds an existing device to a location again, lifting its wrong-PIN lockout. */
    rebindDevice(id: number, locationId: number, memberId: number, now: number): void {
      rebindDevice.run({ id, locationId, memberId, now });
    },
    clearDeviceFailures(id: number): void {
      clearDeviceFailures.run(id);
    },
    /** Counts one PIN try against the member and the device together, before it is checked;
     * refused (nothing counted) when either is at its limit. Answers which one refused. */
    admitPinTry(memberId: number, deviceId: number, limits: { member: number; device: number }): 'admitted' | 'member' | 'device' {
      try {
        return db.transaction(() => {
          if (admitDeviceTry.run({ id: deviceId, max: limits.device }).changes === 0) return 'device' as const;
          if (admitPinTry.run({ memberId, max: limits.member }).changes === 0) throw new MemberAtLimit();
          return 'admitted' as const;
        }).immediate();
      } catch (error) {
        if (error instanceof MemberAtLimit) return 'member';
        throw error;
      }
    },
    /** A PIN try turned out wrong (it was counted when admitted): locks the member's PIN and the
     * device if they are at their limits. */
    recordWrongPin(memberId: number, deviceId: number, limits: { member: number; device: number }, now: number): FailureOutcome {
      return db.transaction(() => {
        const wasMemberLocked = isSet(selectPin.get(memberId)?.locked_at);
        const wasDeviceLocked = isSet(selectDeviceById.get(deviceId)?.locked_at);
        const member = lockPinAtLimit.get({ memberId, max: limits.member, now });
        const device = lockDeviceAtLimit.get({ id: deviceId, max: limits.device, now });
        return {
          memberFailures: member?.failed_attempts ?? 0,
          memberLockedNow: !wasMemberLocked && isSet(member?.locked_at),
          deviceLockedNow: !wasDeviceLocked && isSet(device?.locked_at),
        };
      }).immediate();
    },
    /** Every computer set up for quick switching, newest first (a handful per salon). */
    computers(): ReceptionComputer[] {
      return selectComputers.all().map((row) => ({
        id: row.id,
        location: { id: row.location_id, name: row.location_name },
        registeredBy: row.registered_by,
        registeredAt: row.registered_at,
        locked: row.locked_at !== null,
      }));
    },
    /** Its token stops working: PIN sign-in there needs the computer set up again. */
    removeDevice(id: number): boolean {
      return deleteDevice.run(id).changes > 0;
    },
    /** Members of a location who have a PIN: the names the lock screen offers. */
    roster(locationId: number): RosterRow[] {
      return selectRoster.all(locationId).map((row) => ({ id: row.id, name: row.name, pinLocked: row.locked_at !== null }));
    },
  };
}
