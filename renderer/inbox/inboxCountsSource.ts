// One live copy of the member's `conversation:counts` for the whole app: the view tabs and the
// badge read the same numbers. Those the sign-in answered with first, then fetched on
// (re)connect, and again shortly after the pushes that can change a count, a burst of them
// costing one request.
import { use, useSyncExternalStore } from 'react';
import type { LocationCounts } from '../../shared/triageEvents';
import type { StaffApi } from '../api/staffApi';
import { useStaff } from '../session/StaffContext';
import { FirstInboxContext } from './firstInbox';

/** Long enough to fold a burst (a message and its reopening, a catch-up) into one request. */
export const COUNTS_REFETCH_DELAY_MS = 300;

type CountsApi = Pick<StaffApi, 'request' | 'subscribe' | 'whenConnected'>;

export interface CountsSource {
  subscribe(listener: () => void): () => void;
  /** null until the server first answered. */
  current(): readonly LocationCounts[] | null;
}

/** @param initial the counts the sign-in answered with, shown until the server answers again. */
export function createCountsSource(api: CountsApi, initial: readonly LocationCounts[] | null = null): CountsSource {
  const listeners = new Set<() => void>();
  let counts: readonly LocationCounts[] | null = initial;
  let stopListening: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the answer to the latest request counts: an earlier one may arrive after it.
  let latestRequest = 0;

  const fetchNow = () => {
    clearTimeout(timer);
    const request = ++latestRequest;
    void api.request('conversation:counts', {}).then((result) => {
      if (!result.ok || request !== latestRequest) return;
      counts = result.data.locations;
      for (const listener of listeners) listener();
    });
  };
  const fetchSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(fetchNow, COUNTS_REFETCH_DELAY_MS);
  };

  const start = () => {
    const unsubscribers = [
      api.whenConnected(fetchNow),
      api.subscribe('message:created', fetchSoon),
      api.subscribe('conversation:triaged', fetchSoon),
      api.subscribe('unread:updated', fetchSoon),
    ];
    return () => {
      clearTimeout(timer);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      stopListening ??= start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopListening?.();
          stopListening = null;
        }
      };
    },
    current: () => counts,
  };
}

const sources = new WeakMap<CountsApi, CountsSource>();

/** The member's counts per location, live; null until first loaded. */
export function useLocationCounts(): readonly LocationCounts[] | null {
  const { api } = useStaff();
  const firstInbox = use(FirstInboxContext);
  let source = sources.get(api);
  if (!source) {
    source = createCountsSource(api, firstInbox?.counts ?? null);
    sources.set(api, source);
  }
  return useSyncExternalStore(source.subscribe, source.current);
}
