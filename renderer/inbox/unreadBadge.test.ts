import { describe, expect, it } from 'vitest';
import { badgeTotal, seedUnreadCounts } from './unreadCounts';

describe('the unread badge', () => {
  const counts = seedUnreadCounts([
    { id: 1, unreadCount: 2 },
    { id: 2, unreadCount: 1 },
  ]);

  it('counts every unread message while Client Connect is on', () => {
    expect(badgeTotal(counts, true)).toBe(3);
  });

  it('shows nothing while Client Connect is off, and the counts again once it is back on', () => {
    expect(badgeTotal(counts, false)).toBe(0);
    expect(badgeTotal(counts, true)).toBe(3);
  });
});
