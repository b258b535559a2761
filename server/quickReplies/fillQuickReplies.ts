// Fills quick replies in for one conversation: its client, its location, the client's next
// appointment there (booked or confirmed, not yet started) and the member sending. Dates and
// times are written on the location's clock. A value the conversation does not have (no
// upcoming appointment, no stylist named) is left out, so its placeholder stays for the member.
import type { Appointment } from '../../shared/domain';
import type { FilledQuickReply } from '../../shared/quickReplyEvents';
import { fillPlaceholders, firstNameOf, type PlaceholderValues } from '../../shared/quickReplyTemplate';
import type { ConversationRecord } from '../conversations/conversations.repository';
import type { Repositories } from '../repositories';
import { locationTimeZone } from '../workspace/locationTimeZone';

/** "Tuesday 3 March" and "14:30", on the given clock. */
export function appointmentWhen(startsAt: number, timeZone: string): { date: string; time: string } {
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(startsAt);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt);
  return { date: date.replace(',', ''), time };
}

const upcoming = (appointment: Appointment, now: number) =>
  appointment.startsAt >= now && (appointment.status === 'booked' || appointment.status === 'confirmed');

export function placeholderValuesFor(repos: Repositories, conversation: ConversationRecord, memberName: string, now: number): PlaceholderValues {
  const client = repos.clients.findById(conversation.clientId);
  const [location] = repos.workspace.locationsByIds([conversation.locationId]);
  const timeZone = locationTimeZone(repos, conversation.locationId);
  // Soonest upcoming first (the repository's order), so the first upcoming one is the next.
  const next = repos.appointments
    .listForClientAtLocation(conversation.clientId, conversation.locationId, now)
    .find((appointment) => upcoming(appointment, now));
  const when = next ? appointmentWhen(next.startsAt, timeZone) : null;
  return {
    'client.firstName': client ? firstNameOf(client.name) : undefined,
    'client.name': client?.name,
    'appointment.service': next?.service,
    'appointment.date': when?.date,
    'appointment.time': when?.time,
    'appointment.staff': next?.staffName ?? undefined,
    'location.name': location?.name,
    'member.firstName': firstNameOf(memberName),
  };
}

export function fillQuickReplies(
  replies: readonly { id: number; title: string; text: string }[],
  values: PlaceholderValues,
): FilledQuickReply[] {
  return replies.map((reply) => ({ id: reply.id, title: reply.title, ...fillPlaceholders(reply.text, values) }));
}
