// What a client may see of a message: with read receipts off (R5), no read state of the
// client's own messages ever reaches them.
import type { Message, WorkspaceSettings } from '../../shared/domain';

export function messageForClient(message: Message, settings: WorkspaceSettings): Message {
  if (message.author.kind === 'client' && !settings.readReceipts) return { ...message, readAt: null };
  return message;
}
