// Whether the open conversation can be read and answered yet. Offline, a conversation this
// computer never opened has nothing saved to show: say so plainly instead of "Loading…", and
// offer no reply box, so nobody answers a question they cannot see.
import type { ConnectionStatus } from '../api/connectionStatus';

export type ConversationAvailability = 'ready' | 'loading' | 'unavailable-offline';

export function conversationAvailability(messagesLoaded: boolean, status: ConnectionStatus): ConversationAvailability {
  if (messagesLoaded) return 'ready';
  return status === 'connected' || status === 'connecting' ? 'loading' : 'unavailable-offline';
}

export const UNAVAILABLE_OFFLINE = "This conversation isn't available offline — it will load when you're back online.";
