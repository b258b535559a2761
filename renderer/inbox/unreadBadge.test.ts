import { describe, expect, it } from 'vitest';
import { badgeCount } from './inboxCounts';

describe('the unread badge', () => {
  // The member's unread open conversations, per location (from conversation:counts).
  const counts = [
    { locationId: 1, open: 4, mine: 0, unassigned: 4, snoozed: 0, done: 0, unreadOpen: 2 },
    { locationId: 2, open: 3, mine: 0, unassigned: 3, snoozed: 1, done: 2, unreadOpen: 1 },
  ];

  it('counts every unread open conversation while Client Connect is on', () => {
    expect(badgeCount(counts, true)).toBe(3);
  });

  it('shows nothing while Client Connect is off, and the counts again once it is back on', () => {
    expect(badgeCount(counts, false)).toBe(0);
    expect(badgeCount(counts, true)).toBe(3);
  });
});
