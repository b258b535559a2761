// The view, location and "Unread only" the member last chose, kept per member on this computer
// (the preference cache, like other choices of how the app looks) so the inbox reopens on them.
// Signing in reads it before the signed-in screens render (preloadInboxFilter), so the inbox
// knows its view in its first render and can draw the rows the sign-in answered with at once.
import { useCallback, useEffect, useState } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import { useStaff } from '../session/StaffContext';
import { DEFAULT_FILTER, listFilterSchema, sameFilter, type ListFilter } from './inboxViews';

export const inboxFilterPrefKey = (memberId: number) => `inbox.filter.m${memberId}`;

export interface InboxFilter {
  filter: ListFilter;
  setFilter: (filter: ListFilter) => void;
  /** The saved choice has been read: the list loads only then, so it loads once. */
  ready: boolean;
}

/** Each member's saved choice as last read or written on this page. */
const known = new Map<number, ListFilter>();

/** A saved choice that is not a filter (or none) is the default one. */
const parseSaved = (stored: unknown): ListFilter => {
  const parsed = listFilterSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_FILTER;
};

/** A location the member no longer works at is not offered: fall back to all of theirs. */
const withinLocations = (filter: ListFilter, locationIds: readonly number[]): ListFilter =>
  filter.locationId === null || locationIds.includes(filter.locationId) ? filter : { ...filter, locationId: null };

/** Reads the member's saved choice ahead of their screens (never fails: a bad read is the
 * default view). */
export async function preloadInboxFilter(bridge: Pick<DesktopBridge, 'readPref'>, memberId: number): Promise<void> {
  known.delete(memberId);
  const stored = await bridge.readPref(inboxFilterPrefKey(memberId)).catch(() => undefined);
  known.set(memberId, parseSaved(stored));
}

export function useInboxFilter(): InboxFilter {
  const { bridge, session } = useStaff();
  const memberId = session.member.id;
  const locationIds = session.locations.map((location) => location.id);
  const locationKey = locationIds.join(',');
  const [state, setState] = useState<{ filter: ListFilter; ready: boolean }>(() => {
    const preloaded = known.get(memberId);
    return preloaded ? { filter: withinLocations(preloaded, locationIds), ready: true } : { filter: DEFAULT_FILTER, ready: false };
  });

  useEffect(() => {
    let current = true;
    void bridge
      .readPref(inboxFilterPrefKey(memberId))
      .catch(() => undefined)
      .then((stored) => {
        if (!current) return;
        const saved = parseSaved(stored);
        known.set(memberId, saved);
        const filter = withinLocations(saved, locationKey.split(',').map(Number));
        setState((shown) => (shown.ready && sameFilter(shown.filter, filter) ? shown : { filter, ready: true }));
      });
    return () => {
      current = false;
    };
  }, [bridge, memberId, locationKey]);

  const setFilter = useCallback(
    (next: ListFilter) => {
      setState({ filter: next, ready: true });
      known.set(memberId, next);
      void bridge.writePref(inboxFilterPrefKey(memberId), next).catch(() => undefined);
    },
    [bridge, memberId],
  );

  return { filter: state.filter, setFilter, ready: state.ready };
}
