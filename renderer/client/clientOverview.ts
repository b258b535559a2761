// What the client page derives from client:get: which appointments can open a chat and how
// many unread replies wait in each conversation.
import type { ClientAppointment, ClientConversation } from '../../shared/clientEvents';

/** Messaging is offered (R4), or a conversation with that location already exists. */
export const canOpenChat = (appointment: ClientAppointment): boolean =>
  appointment.canMessage || appointment.conversationId !== null;

export function unreadFor(appointment: ClientAppointment, conversations: readonly ClientConversation[]): number {
  if (appointment.conversationId === null) return 0;
  return conversations.find((conversation) => conversation.id === appointment.conversationId)?.unreadCount ?? 0;
}

/** Upcoming appointments first (soonest first), then past ones (latest first). */
export function sortAppointments(appointments: readonly ClientAppointment[], now: number): ClientAppointment[] {
  const upcoming = appointments.filter((a) => a.startsAt >= now).sort((a, b) => a.startsAt - b.startsAt);
  const past = appointments.filter((a) => a.startsAt < now).sort((a, b) => b.startsAt - a.startsAt);
  return [...upcoming, ...past];
}
