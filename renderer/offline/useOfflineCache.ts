// Hook-ins that keep the offline cache (offlineCache.ts) and show it until the server answers:
// the conversation list and the open conversation's latest messages. Live data always wins: a
// cached copy is shown only if nothing live has arrived yet.
import { useEffect, useRef, type Dispatch } from 'react';
import type { TimelineAction, TimelineState } from '../chat/timeline';
import type { ConversationListAction, ConversationListState } from '../inbox/conversationList';
import { useStaff } from '../session/StaffContext';
import { CACHED_MESSAGES, offlineCache } from './offlineCache';
import { STARTUP_MARKS } from '../../shared/startupMarks';
import { markStartup } from '../ui/startupMarks';

/** Writes are spaced out: a burst of pushes costs one write. */
const WRITE_DELAY_MS = 500;

function useLatest<T>(value: T) {
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  return latest;
}

/** `viewKey` names the inbox view shown (each keeps its own list); null until it is known. */
export function useCachedConversationList(
  state: ConversationListState,
  dispatch: Dispatch<ConversationListAction>,
  viewKey: string | null,
) {
  const { bridge, session } = useStaff();
  const memberId = session.member.id;
  const latest = useLatest(state);

  useEffect(() => {
    if (viewKey === null) return undefined;
    let current = true;
    void offlineCache.readConversationView(bridge, memberId, viewKey).then((items) => {
      if (!current || !items || latest.current.loaded) return;
      markStartup(STARTUP_MARKS.firstPageFromCache);
      dispatch({ type: 'first-page', items, nextCursor: null });
    });
    return () => {
      current = false;
    };
  }, [bridge, memberId, viewKey, dispatch, latest]);

  useEffect(() => {
    if (!state.loaded || viewKey === null) return undefined;
    const timer = window.setTimeout(() => void offlineCache.writeConversationView(bridge, memberId, viewKey, state.items), WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [bridge, memberId, viewKey, state.items, state.loaded]);
}

export function useCachedMessages(conversationId: number, timeline: TimelineState, dispatch: Dispatch<TimelineAction>) {
  const { bridge, session } = useStaff();
  const memberId = session.member.id;
  const latest = useLatest(timeline);

  useEffect(() => {
    let current = true;
    void offlineCache.readMessages(bridge, memberId, conversationId).then((items) => {
      if (!current || !items || items.length === 0 || latest.current.loaded) return;
      dispatch({ type: 'latest-page', items, hasMore: items.length >= CACHED_MESSAGES });
    });
    return () => {
      current = false;
    };
  }, [bridge, memberId, conversationId, dispatch, latest]);

  const { messages, loaded, hasNewer } = timeline;
  useEffect(() => {
    // Held around an older message (a search match), the messages are not the latest ones.
    if (!loaded || hasNewer || messages.length === 0) return undefined;
    const timer = window.setTimeout(() => void offlineCache.writeMessages(bridge, memberId, conversationId, messages), WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [bridge, memberId, conversationId, messages, loaded, hasNewer]);
}
