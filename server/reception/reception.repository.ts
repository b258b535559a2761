// PINs and reception devices: the SQL behind quick switching on a shared reception computer.
import type { Database } from 'better-sqlite3';
import type { ReceptionComputer } from '../../shared/adminEvents';

export type MemberPin = { memberId: number; pinHash: string; failedAttempts: number; locked: boolean };

export type ReceptionDeviceRecord = { id: number; locationId: number; failedAttempts: number; locked: boolean };

export type RosterRow = { id: number; name: string; pinLocked: boolean };

export type FailureOutcome = { memberFailures: number; memberLocked: boolean; deviceLocked: boolean };

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
  const countPinFailure = db.prepare<{ memberId: number; max: number; now: number }, { failed_attempts: number; locked_at: number | null }>(
    `UPDATE member_pins
        SET failed_attempts = failed_attempts + 1,
            locked_at = CASE WHEN failed_attempts + 1 >= :max THEN coalesce(locked_at, :now) ELSE locked_at END
      WHERE member_id = :memberId
     RETURNING failed_attempts, locked_at`,
  );
  const selectDevice = db.prepare<[Buffer], DeviceRow>(
    'SELECT id, location_id, failed_attempts, locked_at FROM reception_devices WHERE token_hash = ?',
  );
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
  const countDeviceFailure = db.prepare<{ id: number; max: number; now: number }, { locked_at: number | null }>(
    `UPDATE reception_devices
        SET failed_attempts = failed_attempts + 1,
            locked_at = CASE WHEN failed_attempts + 1 >= :max THEN coalesce(locked_at, :now) ELSE locked_at END
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
      upsertPin.run({ memberId, pinHash, now });
    },
    /** Re-hashes a PIN only if it is still `from` (the one just checked): a PIN changed or
     * removed meanwhile stays as it is. Answers whether it replaced it. */
    replacePinHash(memberId: number, from: string, to: string): boolean {
      return replacePinHash.run({ memberId, from, to }).changes > 0;
    },
    removePin(memberId: number): void {
      deletePin.run(memberId);
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
    /** Counts one wrong PIN against the member and the device together, locking either at its limit. */
    recordWrongPin(memberId: number, deviceId: number, limits: { member: number; device: number }, now: number): FailureOutcome {
      return db.transaction(() => {
        const member = countPinFailure.get({ memberId, max: limits.member, now });
        const device = countDeviceFailure.get({ id: deviceId, max: limits.device, now });
        return {
          memberFailures: member?.failed_attempts ?? 0,
          memberLocked: member?.locked_at !== null && member !== undefined,
          deviceLocked: device?.locked_at !== null && device !== undefined,
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
