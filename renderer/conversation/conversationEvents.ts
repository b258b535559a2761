// A conversation's staff-only events as the timeline holds them: unique by id, oldest first,
// whichever way they arrived (the first fetch, a live push, a reconnect's catch-up, the cache).
import type { ConversationEvent } from '../../shared/triageEvents';

export function mergeEvents(current: readonly ConversationEvent[], incoming: readonly ConversationEvent[]): ConversationEvent[] {
  const byId = new Map<number, ConversationEvent>();
  for (const event of current) byId.set(event.id, event);
  for (const event of incoming) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}
