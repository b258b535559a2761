// The numbers beside the inbox views and on the badge, from `conversation:counts` (one entry per
// location of the member): summed over every location, or one location's.
import type { InboxView, LocationCounts } from '../../shared/triageEvents';

export type ViewCounts = Record<InboxView, number> & { unreadOpen: number };

export const NO_COUNTS: ViewCounts = { open: 0, mine: 0, unassigned: 0, snoozed: 0, done: 0, all: 0, unreadOpen: 0 };

/** The counts of one location (`locationId`), or of all the member's when null. */
export function viewCounts(locations: readonly LocationCounts[], locationId: number | null): ViewCounts {
  const counts = { ...NO_COUNTS };
  for (const location of locations) {
    if (locationId !== null && location.locationId !== locationId) continue;
    counts.open += location.open;
    counts.mine += location.mine;
    counts.unassigned += location.unassigned;
    counts.snoozed += location.snoozed;
    counts.done += location.done;
    counts.unreadOpen += location.unreadOpen;
  }
  // Every conversation is Open, Snoozed or Done.
  counts.all = counts.open + counts.snoozed + counts.done;
  return counts;
}

/** The badge: open conversations with messages the member has not read, at all their locations.
 * Nothing while Client Connect is off, as no message can be read or answered then (R2); the
 * count comes back with it. */
export function badgeCount(locations: readonly LocationCounts[], messagingEnabled = true): number {
  return messagingEnabled ? viewCounts(locations, null).unreadOpen : 0;
}
