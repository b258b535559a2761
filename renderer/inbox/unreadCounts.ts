// Unread client messages per conversation, for the dock badge and the Messages nav item.
// Seeded from the server's unread conversations and kept current by pushes, so the total does
// not depend on how far the list has been scrolled.
export type UnreadCounts = ReadonlyMap<number, number>;

export function withUnreadCount(counts: UnreadCounts, conversationId: number, unreadCount: number): UnreadCounts {
  if ((counts.get(conversationId) ?? 0) === unreadCount) return counts;
  const next = new Map(counts);
  if (unreadCount > 0) next.set(conversationId, unreadCount);
  else next.delete(conversationId);
  return next;
}

export function seedUnreadCounts(conversations: readonly { id: number; unreadCount: number }[]): UnreadCounts {
  return new Map(conversations.filter((c) => c.unreadCount > 0).map((c) => [c.id, c.unreadCount]));
}

export function totalUnread(counts: UnreadCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** What the Messages badge and the desktop badge show: nothing while Client Connect is off, as
 * no message can be read or answered then (R2); the counts come back with it. */
export function badgeTotal(counts: UnreadCounts, messagingEnabled: boolean): number {
  return messagingEnabled ? totalUnread(counts) : 0;
}
