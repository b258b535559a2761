// When an appointment offers the client a way to message the business (R1, R2, R4): Client
// Connect is on, the contact button setting is on, and the appointment is confirmed and not
// more than a day in the past (a client may still write right after their visit).
import type { Appointment, WorkspaceSettings } from '../../shared/domain';

export const CONTACT_GRACE_MS = 24 * 60 * 60 * 1000;

export function offersMessaging(appointment: Appointment, settings: WorkspaceSettings, now: number): boolean {
  return (
    settings.enabled &&
    settings.contactButton &&
    appointment.status === 'confirmed' &&
    appointment.startsAt >= now - CONTACT_GRACE_MS
  );
}
