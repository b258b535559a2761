// The after-hours automatic reply: when a client writes while their conversation's location is
// closed (outside its weekly hours, or on a closed date, on the location's own wall clock), the
// salon answers with the location's reply text, at most once per conversation in 12 hours.
//
// It is decided and stored inside the same group-commit transaction as the client's message
// (messages/sending.ts), so the two commit together: a crash before the commit loses both (the
// client's retry then brings both), after it keeps both, and the reply is never sent twice.
// When it was last sent is a row of its own (after_hours_replies), so the 12 hours survive a
// restart.
import { createHash } from 'node:crypto';
import type { Message } from '../../shared/domain';
import { AUTO_REPLY_INTERVAL_MS, isOpenAt } from '../../shared/openingHours';
import { locationTimeZone } from '../workspace/locationTimeZone';
import type { NewMessage } from '../messages/messages.repository';
import type { Repositories } from '../repositories';


/** The reply's client message id, derived from the client message it answers: whatever runs
 * twice, the reply to one message is one row (the sender's ids are unique). A UUID (version 8,
 * name-based) like every other client message id. */
export function replyIdFor(answeredMessageId: number): string {
  const hex = createHash('sha256').update(`after-hours-reply:${answeredMessageId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The automatic reply a newly stored client message calls for, already counted as sent (so
 * call it only inside the transaction that will store the reply); null when none is due: the
 * reply is off or has no author (or its author was deactivated), the location is open, or
 * the conversation got one in the last 12 hours. Client Connect being off never gets here: the client's message is refused.
 */
export function afterHoursReplyFor(repos: Repositories, clientMessage: Message, locationId: number): NewMessage | null {
  if (clientMessage.author.kind !== 'client') return null;
  const conversation = { id: clientMessage.conversationId, locationId };
  const stored = repos.afterHours.findWithReplyOn(locationId);
  if (!stored || stored.replyAuthorId === null || stored.settings.reply.text === '') return null;
  const { settings, replyAuthorId } = stored;
  const at = clientMessage.createdAt;
  if (isOpenAt(settings.hours, at, locationTimeZone(repos, conversation.locationId))) return null;
  const lastSentAt = repos.afterHours.lastReplyAt(conversation.id);
  if (lastSentAt !== null && at - lastSentAt < AUTO_REPLY_INTERVAL_MS) return null;
  // Sent in its author's name: not once they have left (a manager saves the reply again).
  const author = repos.team.teamMember(replyAuthorId);
  if (!author || author.deactivatedAt !== undefined) return null;
  repos.afterHours.recordReply(conversation.id, at);
  return {
    conversationId: conversation.id,
    sender: { kind: 'staff', memberId: replyAuthorId },
    senderMessageId: replyIdFor(clientMessage.id),
    appointmentId: null,
    text: settings.reply.text,
    createdAt: at,
    automatic: true,
  };
}
