// The view, location and "Unread only" the member last chose, kept per member on this computer
// (the preference cache, like other choices of how the app looks) so the inbox reopens on them.
import { useCallback, useEffect, useState } from 'react';
import { useStaff } from '../session/StaffContext';
import { DEFAULT_FILTER, listFilterSchema, type ListFilter } from './inboxViews';

export const inboxFilterPrefKey = (memberId: number) => `inbox.filter.m${memberId}`;

export interface InboxFilter {
  filter: ListFilter;
  setFilter: (filter: ListFilter) => void;
  /** The saved choice has been read: the list loads only then, so it loads once. */
  ready: boolean;
}

export function useInboxFilter(): InboxFilter {
  const { bridge, session } = useStaff();
  const memberId = session.member.id;
  const [filter, setFilterState] = useState<ListFilter>(DEFAULT_FILTER);
  const [ready, setReady] = useState(false);
  // A location the member no longer works at is not offered: fall back to all of theirs.
  const locationIds = session.locations.map((location) => location.id).join(',');

  useEffect(() => {
    let current = true;
    void bridge
      .readPref(inboxFilterPrefKey(memberId))
      .catch(() => undefined)
      .then((stored) => {
        if (!current) return;
        const parsed = listFilterSchema.safeParse(stored);
        const saved = parsed.success ? parsed.data : DEFAULT_FILTER;
        const known = saved.locationId === null || locationIds.split(',').includes(String(saved.locationId));
        setFilterState(known ? saved : { ...saved, locationId: null });
        setReady(true);
      });
    return () => {
      current = false;
    };
  }, [bridge, memberId, locationIds]);

  const setFilter = useCallback(
    (next: ListFilter) => {
      setFilterState(next);
      void bridge.writePref(inboxFilterPrefKey(memberId), next).catch(() => undefined);
    },
    [bridge, memberId],
  );

  return { filter, setFilter, ready };
}
