// What staff and client sends share. A sender retries with the same client message id until
// it hears back (e.g. after a reconnect), so the first send is stored and every retry gets
// that stored message back — without a second broadcast. Reusing the id for different
// content is a client bug: conflict.
import type { Message, WorkspaceSettings } from '../../shared/domain';
import { err, ok, type Result } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { AfterAck } from '../realtime/request';

export function answerRetry(previous: Message, sameContent: boolean): Result<Message> {
  return sameContent
    ? ok(previous)
    : err('conflict', 'This message id was already used for a different message. Send it with a new id.');
}

export const messagingDisabled = () =>
  err('messaging_disabled', 'Client messaging is turned off for this business, so messages cannot be sent.');

/** Schedules the push of a newly stored message to everyone who may see it. */
export function announceAfterAck(
  { repos, log, pushes }: RealtimeContext,
  message: Message,
  settings: WorkspaceSettings,
  afterAck: AfterAck,
): void {
  const conversation = repos.conversations.summary(message.conversationId);
  afterAck(() => {
    if (conversation) pushes.messageCreated(message, conversation, settings);
    else log.error('Stored message has no conversation summary', { messageId: message.id });
  });
}
