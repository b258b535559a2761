// The member's conversations: first page once connected (again after reconnecting), more
// pages on demand, and live re-ordering as messages arrive.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { useCachedConversationList } from '../offline/useOfflineCache';
import { useStaff } from '../session/StaffContext';
import { conversationListReducer, emptyConversationList } from './conversationList';

const PAGE_SIZE = 30;
// Later pages come while the member scrolls a long list: fewer, bigger steps.
const NEXT_PAGE_SIZE = 100;

export function useConversationList() {
  const { api } = useStaff();
  const [state, dispatch] = useReducer(conversationListReducer, emptyConversationList);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Offline: shown from this computer's cache until the server answers.
  useCachedConversationList(state, dispatch);

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('conversation:list', { limit: PAGE_SIZE }).then((result) => {
          if (result.ok) dispatch({ type: 'first-page', ...result.data });
          setError(result.ok ? null : describeError(result.error));
        });
      }),
      api.subscribe('message:created', ({ conversation }) => dispatch({ type: 'conversation-updated', conversation })),
      api.subscribe('clientProfile:updated', ({ clientId, name }) => dispatch({ type: 'client-renamed', clientId, name })),
      api.subscribe('conversation:read', (read) => {
        if (read.reader === 'business') {
          dispatch({ type: 'unread-changed', conversationId: read.conversationId, unreadCount: read.unreadCount });
        }
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api]);

  const { nextCursor } = state;
  // A ref, not the state: the observer can fire again before the state re-renders.
  const moreInFlight = useRef(false);
  const loadMore = useCallback(async () => {
    if (nextCursor === null || moreInFlight.current) return;
    moreInFlight.current = true;
    setLoadingMore(true);
    const result = await api.request('conversation:list', { limit: NEXT_PAGE_SIZE, cursor: nextCursor });
    if (result.ok) dispatch({ type: 'next-page', ...result.data });
    setError(result.ok ? null : describeError(result.error));
    setLoadingMore(false);
    moreInFlight.current = false;
  }, [api, nextCursor]);

  return { ...state, loadingMore, error, loadMore };
}
