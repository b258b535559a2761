// Counts the replies waiting in this computer's outboxes (every member's, signed in or not):
// the renderer keeps each member's outbox in the preference cache until the server has it.
import { countPendingEntries, STAFF_OUTBOX_KEY_PREFIX } from '../../shared/offline/outbox';
import type { PrefsStore } from './prefsStore';

export const isOutboxKey = (key: string): boolean => key.startsWith(STAFF_OUTBOX_KEY_PREFIX);

export function countWaitingReplies(prefs: Pick<PrefsStore, 'keys' | 'get'>): number {
  return prefs
    .keys()
    .filter(isOutboxKey)
    .reduce((total, key) => total + countPendingEntries(prefs.get(key)), 0);
}
