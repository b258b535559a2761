// What the client page derives from client:get: which appointments can open a chat and how
// many unread replies wait in each conversation.
import type { ClientAppointment, ClientConversation } from '../../shared/clientEvents';
import type { Message } from '../../shared/domain';

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

/** What the chat area says before a chat is open: point at the "Message" button only when one
 * of the appointments shows it (the salon may have switched the contact button off, R4). */
export function emptyChatHint(appointments: readonly ClientAppointment[], messagingOff: boolean): { title: string; text: string } {
  if (!messagingOff && appointments.some(canOpenChat)) {
    return { title: 'Questions about a visit?', text: 'Choose “Message” on one of your appointments to write to the salon.' };
  }
  return {
    title: 'Messaging isn\'t available here right now',
    text: 'The salon isn\'t offering messages from your appointments at the moment. To reach them, call or visit the salon.',
  };
}

/** With read receipts off (R5) the page shows no read state, also of messages it already showed as read. */
export function withoutReadState(messages: readonly Message[]): Message[] {
  return messages.map((message) => (message.readAt === null ? message : { ...message, readAt: null }));
}

/** Conversations at a location where none of the client's appointments is: ones the salon
 * started. The client reads and answers them on their own, not through an appointment. */
export function conversationsWithoutAppointment(
  conversations: readonly ClientConversation[],
  appointments: readonly ClientAppointment[],
): ClientConversation[] {
  const appointmentLocations = new Set(appointments.map((appointment) => appointment.location.id));
  return conversations.filter((conversation) => !appointmentLocations.has(conversation.location.id));
}
