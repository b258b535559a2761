// What staff and client sends share. A sender retries with the same sender message id until
// it hears back (e.g. after a reconnect), so the first send is stored and every retry gets
// that stored message back — without a second broadcast. Reusing the id for different
// content is a client bug: conflict. Each send is decided and stored inside a group-commit
// batch (groupCommit.ts) and answered once that batch has committed.
import type { Message, SharedConversationSummary, WorkspaceSettings } from '../../shared/domain';
import type { ConversationEvent } from '../../shared/triageEvents';
import { err, ok, type Err, type Result } from '../../shared/result';
import { afterHoursReplyFor } from '../afterHours/afterHours';
import { enqueueDeliveries } from '../notifications/enqueue';
import type { RealtimeContext } from '../realtime/context';
import type { AfterAck } from '../realtime/request';
import type { Repositories } from '../repositories';
import { afterMessageStored, markDoneAfterReply } from '../triage/triage';
import { senderKey, type NewMessage, type Sender } from './messages.repository';

export function answerRetry(previous: Message, sameContent: boolean): Result<Message> {
  return sameContent
    ? ok(previous)
    : err('conflict', 'This message id was already used for a different message. Send it with a new id.');
}

export const messagingDisabled = () =>
  err('messaging_disabled', 'Client messaging is turned off for this business, so messages cannot be sent.');

/** While Client Connect is off nothing flows (R2): the history is kept, untouched, and is
 * available again the moment messaging is turned back on. */
export function refuseWhileOff(settings: WorkspaceSettings): Err | null {
  if (settings.enabled) return null;
  return err('messaging_disabled', 'Client messaging is turned off for this business. Conversations are available again when it is turned back on.');
}

const NOTHING_TO_SEND = 'Write a message or attach a file.';

/** A message needs text or at least one attachment, and names each attachment once. */
export function checkContent(text: string, attachmentIds: readonly number[]): Err | null {
  if (text === '' && attachmentIds.length === 0) return err('bad_request', NOTHING_TO_SEND, [{ path: 'text', message: NOTHING_TO_SEND }]);
  if (new Set(attachmentIds).size !== attachmentIds.length) {
    const message = 'Each attachment can be sent only once per message.';
    return err('bad_request', message, [{ path: 'attachmentIds', message }]);
  }
  return null;
}

/** Only the sender's own uploads that were not sent yet can be attached. Someone else's upload
 * answers exactly like a missing one, so ids reveal nothing. */
export function checkAttachable(repos: Repositories, sender: Sender, attachmentIds: readonly number[]): Err | null {
  if (attachmentIds.length === 0) return null;
  const attachable = repos.attachments.unattachedOf(senderKey(sender), attachmentIds);
  if (attachmentIds.every((id) => attachable.has(id))) return null;
  return err('not_found', 'An attachment was not found or was already sent. Upload the file again.');
}

/** Whether a retried send carries the same content as the stored message. */
export const sameAttachments = (message: Message, attachmentIds: readonly number[]) =>
  message.attachments.length === attachmentIds.length && message.attachments.every((attachment, index) => attachment.id === attachmentIds[index]);

/** Stores the message and attaches its uploads atomically: all of it or none. Runs only inside
 * the group-commit batch, where a throw rolls back this send alone (groupCommit.ts) — so it
 * opens no savepoint of its own (each one costs a statement journal). */
function storeMessage(repos: Repositories, message: NewMessage, attachmentIds: readonly number[]): { message: Message; event: ConversationEvent | null } {
  const created = repos.messages.appendChecked(message);
  if (attachmentIds.length > 0) repos.attachments.attach(created.id, senderKey(message.sender), attachmentIds);
  // Work that must commit together with each newly stored message goes here: it runs once per
  // stored message, inside the transaction, and a throw here rolls back this message alone.
  // The client's email/text deliveries commit with the message, or neither does (R11). Each
  // member's unread state moves, and a client message reopens a Done or Snoozed conversation.
  enqueueDeliveries(repos, created);
  const event = afterMessageStored(repos, { conversationId: created.conversationId, fromClient: message.sender.kind === 'client', createdAt: message.createdAt });
  if (attachmentIds.length === 0) return { message: created, event };
  const stored = repos.messages.findById(created.id);
  if (!stored) throw new Error(`Message ${created.id} vanished inside its own transaction.`);
  return { message: stored, event };
}

export type SendRequest = {
  sender: Sender;
  senderMessageId: string;
  appointmentId: number | null;
  text: string;
  attachmentIds: readonly number[];
  createdAt: number;
  /** The client connection that sent it, which hears of the message through its ack alone. */
  clientSocketId: string | null;
  /** Whether a stored message with this id is this same request (a retry), not a reused id. */
  sameRequest: (message: Message) => boolean;
  /** Once messaging is known to be on: the conversation to store into (may create it), or why not. */
  conversation: (settings: WorkspaceSettings) => Result<number>;
  /** "Send and mark done" (staff): the conversation is Done once the reply is stored. */
  markDone?: boolean;
};

/** A stored message and its conversation's summary as the message left it, for the pushes. */
export type StoredWithSummary = { message: Message; conversation: SharedConversationSummary | null };

/** A stored message (new, or the one a retry already stored) and the settings it was sent under;
 * a new one also carries its conversation's summary and the triage events it made, for the pushes,
 * and a new client message the after-hours reply stored with it, if one was due. */
export type Sent = {
  message: Message;
  created: boolean;
  settings: WorkspaceSettings;
  conversation: SharedConversationSummary | null;
  events: ConversationEvent[];
  automaticReply?: StoredWithSummary | null;
};

/** The after-hours reply a new client message calls for, stored in the same transaction: the
 * client's message and the reply commit together or not at all (afterHours/afterHours.ts). */
function storeAutomaticReply(repos: Repositories, clientMessage: Message, locationId: number): StoredWithSummary | null {
  const reply = afterHoursReplyFor(repos, clientMessage, locationId);
  if (!reply) return null;
  const { message } = storeMessage(repos, reply, []);
  return { message, conversation: repos.conversations.sharedSummary(message.conversationId) };
}

/** Decides and stores one send inside the group-commit batch, so every check sees the state
 * the write will commit into — including sends earlier in the same batch. */
function decideAndStore(repos: Repositories, request: SendRequest): Result<Sent> {
  const previous = repos.messages.findSent(request.sender, request.senderMessageId);
  const settings = repos.workspace.settings();
  if (previous) {
    const retry = answerRetry(previous, request.sameRequest(previous));
    return retry.ok ? ok({ message: previous, created: false, settings, conversation: null, events: [] }) : retry;
  }
  if (!settings.enabled) return messagingDisabled();
  const notAttachable = checkAttachable(repos, request.sender, request.attachmentIds);
  if (notAttachable) return notAttachable;
  const conversationId = request.conversation(settings);
  if (!conversationId.ok) return conversationId;
  const { sender, senderMessageId, appointmentId, text, createdAt } = request;
  const { message, event } = storeMessage(
    repos,
    { conversationId: conversationId.data, sender, senderMessageId, appointmentId, text, createdAt },
    request.attachmentIds,
  );
  const events = event ? [event] : [];
  if (request.markDone && sender.kind === 'staff') {
    const done = markDoneAfterReply(repos, message.conversationId, sender.memberId, createdAt);
    if (done) events.push(done);
  }
  // Read inside the batch's transaction: it needs no read transaction of its own after the
  // commit, and shows the conversation as this message left it.
  const conversation = repos.conversations.sharedSummary(message.conversationId);
  const automaticReply = sender.kind === 'client' && conversation ? storeAutomaticReply(repos, message, conversation.location.id) : null;
  return ok({ message, created: true, settings, conversation, events, automaticReply });
}

/** Stores a send with group commit and resolves once it is committed. A new message is pushed
 * to everyone who may see it right after the ack; a retry is answered without a second push. */
export async function sendMessage(context: RealtimeContext, request: SendRequest, afterAck: AfterAck): Promise<Result<Sent>> {
  const sent = await context.writes.run(() => decideAndStore(context.repos, request));
  if (sent.ok && sent.data.created) announceAfterAck(context, sent.data, request.clientSocketId, afterAck);
  return sent;
}

/** Schedules the push of a newly stored message to everyone who may see it. */
function announceAfterAck({ log, pushes }: RealtimeContext, sent: Sent, clientSocketId: string | null, afterAck: AfterAck): void {
  const { message, conversation, settings, events, automaticReply } = sent;
  afterAck(() => {
    if (!conversation) {
      log.error('Stored message has no conversation summary', { messageId: message.id });
      return;
    }
    pushes.messageCreated(message, conversation, settings, clientSocketId);
    for (const event of events) pushes.triaged(conversation, event);
    // The reply goes to the client's every connection, the one that wrote included.
    if (automaticReply?.conversation) pushes.messageCreated(automaticReply.message, automaticReply.conversation, settings, null);
  });
}
