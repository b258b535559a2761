// What the booking system sends us, stored by its own ids (external_ref, migration 10):
// locations, clients and appointments are created the first time a ref is seen and updated in
// place every time after. The caller's transaction makes each call one unit.
import type { Database } from 'better-sqlite3';
import type { NewAppointment } from './appointments.repository';

export type Upserted = { id: number; created: boolean };

/** An appointment as the booking system last sent it. */
type SyncedAppointment = NewAppointment;

/** Each synced record is found by its ref along a unique index (checked in queryPlans.test.ts). */
export const LOCATION_BY_REF_SQL = 'SELECT id, name FROM locations WHERE external_ref = ?';
export const CLIENT_BY_REF_SQL = 'SELECT id, name FROM clients WHERE external_ref = ?';
export const APPOINTMENT_BY_REF_SQL = `SELECT id, client_id AS clientId, location_id AS locationId, service,
    staff_member_id AS staffMemberId, starts_at AS startsAt, status
  FROM appointments WHERE external_ref = ?`;

export type BookingSyncRepository = ReturnType<typeof createBookingSyncRepository>;

export function createBookingSyncRepository(db: Database) {
  const locationByRef = db.prepare<[string], { id: number; name: string }>(LOCATION_BY_REF_SQL);
  const insertLocation = db.prepare<[string, string]>('INSERT INTO locations (name, external_ref) VALUES (?, ?)');
  const renameLocation = db.prepare<[string, number]>('UPDATE locations SET name = ? WHERE id = ?');

  const clientByRef = db.prepare<[string], { id: number; name: string }>(CLIENT_BY_REF_SQL);
  const insertClient = db.prepare<{ name: string; mobile: string | null; email: string | null; now: number; ref: string }>(
    'INSERT INTO clients (name, mobile, email, created_at, external_ref) VALUES (:name, :mobile, :email, :now, :ref)',
  );
  // A new profile version, so a staff edit opened before the rename is told it is stale.
  const renameClient = db.prepare<[string, number]>('UPDATE clients SET name = ?, profile_version = profile_version + 1 WHERE id = ?');

  const appointmentByRef = db.prepare<[string], SyncedAppointment & { id: number }>(APPOINTMENT_BY_REF_SQL);
  const insertAppointment = db.prepare<SyncedAppointment & { ref: string }>(
    `INSERT INTO appointments (client_id, location_id, service, staff_member_id, starts_at, status, external_ref)
     VALUES (:clientId, :locationId, :service, :staffMemberId, :startsAt, :status, :ref)`,
  );
  const updateAppointment = db.prepare<SyncedAppointment & { id: number }>(
    `UPDATE appointments SET client_id = :clientId, location_id = :locationId, service = :service,
            staff_member_id = :staffMemberId, starts_at = :startsAt, status = :status
      WHERE id = :id`,
  );
  const selectCountry = db.prepare<[], { country: string }>('SELECT country FROM workspace WHERE id = 1');

  return {
    /** The workspace's country, for reading mobile numbers written without a country code. */
    country: (): string => selectCountry.get()?.country ?? '',
    locationIdByRef: (ref: string): number | null => locationByRef.get(ref)?.id ?? null,
    clientIdByRef: (ref: string): number | null => clientByRef.get(ref)?.id ?? null,

    upsertLocation(ref: string, name: string): Upserted & { changed: boolean } {
      const existing = locationByRef.get(ref);
      if (!existing) return { id: Number(insertLocation.run(name, ref).lastInsertRowid), created: true, changed: true };
      if (existing.name !== name) renameLocation.run(name, existing.id);
      return { id: existing.id, created: false, changed: existing.name !== name };
    },

    /** Contact details only for a new client (see integrationClientSchema); then the name. */
    upsertClient(ref: string, client: { name: string; mobile: string | null; email: string | null }, now: number): Upserted & { renamed: boolean } {
      const existing = clientByRef.get(ref);
      if (!existing) return { id: Number(insertClient.run({ ...client, now, ref }).lastInsertRowid), created: true, renamed: false };
      if (existing.name !== client.name) renameClient.run(client.name, existing.id);
      return { id: existing.id, created: false, renamed: existing.name !== client.name };
    },

    appointmentClientIdByRef: (ref: string): number | null => appointmentByRef.get(ref)?.clientId ?? null,
    appointmentStaffIdByRef: (ref: string): number | null => appointmentByRef.get(ref)?.staffMemberId ?? null,

    /** The caller keeps an appointment with its client (its messages point at it). */
    upsertAppointment(ref: string, appointment: SyncedAppointment): Upserted & { changed: boolean } {
      const existing = appointmentByRef.get(ref);
      if (!existing) return { id: Number(insertAppointment.run({ ...appointment, ref }).lastInsertRowid), created: true, changed: true };
      const { id, ...stored } = existing;
      const changed = (Object.keys(appointment) as (keyof SyncedAppointment)[]).some((key) => stored[key] !== appointment[key]);
      if (changed) updateAppointment.run({ ...appointment, id });
      return { id, created: false, changed };
    },
  };
}
