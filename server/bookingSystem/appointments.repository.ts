// Appointments (booked in the booking system, which puts them through the integration API:
// bookingSync.routes.ts).
import type { Database } from 'better-sqlite3';
import type { Appointment, AppointmentStatus } from '../../shared/domain';

/** Columns every appointment query selects, so rows map the same way everywhere. */
export const APPOINTMENT_COLUMNS = `a.id AS appointment_id, a.client_id AS appointment_client_id,
  a.service AS appointment_service, a.starts_at AS appointment_starts_at, a.status AS appointment_status,
  al.id AS appointment_location_id, al.name AS appointment_location_name, ast.name AS appointment_staff_name`;
/** Joins for APPOINTMENT_COLUMNS, given an `a` alias for appointments. */
export const APPOINTMENT_JOINS = `LEFT JOIN locations al ON al.id = a.location_id
  LEFT JOIN team_members ast ON ast.id = a.staff_member_id`;

export type AppointmentColumns = {
  appointment_id: number | null;
  appointment_client_id: number | null;
  appointment_service: string | null;
  appointment_starts_at: number | null;
  appointment_status: AppointmentStatus | null;
  appointment_location_id: number | null;
  appointment_location_name: string | null;
  appointment_staff_name: string | null;
};

/** Maps the APPOINTMENT_COLUMNS of a row; null when the (left-joined) appointment is absent. */
export function toAppointment(row: AppointmentColumns): Appointment | null {
  if (row.appointment_id === null) return null;
  // The columns are NOT NULL in the table, so a present appointment has all of them.
  const present = row as { [K in keyof AppointmentColumns]: NonNullable<AppointmentColumns[K]> };
  return {
    id: present.appointment_id,
    clientId: present.appointment_client_id,
    location: { id: present.appointment_location_id, name: present.appointment_location_name },
    service: present.appointment_service,
    staffName: row.appointment_staff_name,
    startsAt: present.appointment_starts_at,
    status: present.appointment_status,
  };
}

export type NewAppointment = {
  clientId: number;
  locationId: number;
  service: string;
  staffMemberId: number | null;
  startsAt: number;
  status: AppointmentStatus;
};

const LIST_LIMIT = 50;

export type AppointmentRepository = ReturnType<typeof createAppointmentRepository>;

export function createAppointmentRepository(db: Database) {
  const insertAppointment = db.prepare<NewAppointment>(
    `INSERT INTO appointments (client_id, location_id, service, staff_member_id, starts_at, status)
     VALUES (:clientId, :locationId, :service, :staffMemberId, :startsAt, :status)`,
  );
  const selectById = db.prepare<[number], AppointmentColumns>(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a ${APPOINTMENT_JOINS} WHERE a.id = ?`,
  );
  // Upcoming appointments soonest first, then past ones most recent first.
  const selectForClient = db.prepare<{ clientId: number; locationId: number | null; now: number }, AppointmentColumns>(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a ${APPOINTMENT_JOINS}
      WHERE a.client_id = :clientId AND (:locationId IS NULL OR a.location_id = :locationId)
      ORDER BY a.starts_at < :now, CASE WHEN a.starts_at >= :now THEN a.starts_at END, a.starts_at DESC
      LIMIT ${LIST_LIMIT}`,
  );

  const many = (rows: AppointmentColumns[]) =>
    rows.map(toAppointment).filter((appointment) => appointment !== null);

  return {
    create(appointment: NewAppointment): number {
      return Number(insertAppointment.run(appointment).lastInsertRowid);
    },
    findById(id: number): Appointment | null {
      const row = selectById.get(id);
      return row ? toAppointment(row) : null;
    },
    listForClient(clientId: number, now: number): Appointment[] {
      return many(selectForClient.all({ clientId, locationId: null, now }));
    },
    listForClientAtLocation(clientId: number, locationId: number, now: number): Appointment[] {
      return many(selectForClient.all({ clientId, locationId, now }));
    },
  };
}
