// What a client may see of a message: with read receipts off (R5), no read state of the
// client's own messages ever reaches them; and an automatic reply is, to the client, a message
// from the salon like any other (only staff see it marked).
import type { Message, WorkspaceSettings } from '../../shared/domain';

export function messageForClient(message: Message, settings: WorkspaceSettings): Message {
  if (message.author.kind === 'client' && !settings.readReceipts) return { ...message, readAt: null };
  if (message.automatic) {
    const { automatic: _staffOnly, ...seenByClient } = message;
    return seenByClient;
  }
  return message;
}
