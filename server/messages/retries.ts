// A sender retries a send with the same client message id until it hears back (e.g. after a
// reconnect), so the first send is stored and every retry gets that stored message back —
// without a second broadcast. Reusing the id for different content is a client bug: conflict.
import type { Message } from '../../shared/domain';
import { err, ok, type Result } from '../../shared/result';

export function answerRetry(previous: Message, sameContent: boolean): Result<Message> {
  return sameContent
    ? ok(previous)
    : err('conflict', 'This message id was already used for a different message. Send it with a new id.');
}

export const messagingDisabled = () =>
  err('messaging_disabled', 'Client messaging is turned off for this business, so messages cannot be sent.');
