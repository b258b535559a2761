// The member's conversations in the chosen view: the first page the sign-in answered with, if it
// is this view's, drawn at once; the first page once connected (again after reconnecting or
// choosing another view), more pages on demand, and live updates that move conversations in
// and out of the view and keep the member's own unread counts.
import { use, useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { useCachedConversationList } from '../offline/useOfflineCache';
import { useStaff } from '../session/StaffContext';
import { isWindowFocused } from '../ui/useWindowFocused';
import { STARTUP_MARKS } from '../../shared/startupMarks';
import { markStartup } from '../ui/startupMarks';
import { conversationListReducer, initialConversationList, type ConversationListState } from './conversationList';
import { answersFilter, FirstInboxContext } from './firstInbox';
import type { SharedConversationSummary } from '../../shared/domain';
import { belongsInList, filterKey, listRequest, type ListFilter } from './inboxViews';

const PAGE_SIZE = 30;
// Later pages come while the member scrolls a long list: fewer, bigger steps.
const NEXT_PAGE_SIZE = 100;

/**
 * @param ready false until the member's saved view is known (the list loads once, in it).
 * @param onScreenId the conversation on screen, if the inbox is visible: a client message to it
 *   counts as read when the window has focus too (the conversation marks it read).
 */
export function useConversationList(filter: ListFilter, ready: boolean, onScreenId: number | null) {
  const { api, session } = useStaff();
  // The sign-in's first page serves the list's first load only, and only if it is that view's.
  const firstInbox = use(FirstInboxContext);
  const [state, dispatch] = useReducer(conversationListReducer, undefined, (): ConversationListState => {
    const empty = initialConversationList(filter, session.member.id);
    const atOnce = ready && firstInbox !== null && answersFilter(firstInbox, filter, PAGE_SIZE);
    return atOnce ? { ...empty, ...firstInbox.page, loaded: true } : empty;
  });
  const firstInboxOffered = useRef(false);
  // Once the view is known (at once, or after the saved one was read): before paint either way.
  useLayoutEffect(() => {
    if (!ready || firstInboxOffered.current) return;
    firstInboxOffered.current = true;
    if (!firstInbox || !answersFilter(firstInbox, filter, PAGE_SIZE)) return;
    markStartup(STARTUP_MARKS.firstPageFromSignIn);
    if (!state.loaded) dispatch({ type: 'first-page', ...firstInbox.page, filter });
  }, [ready]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the view is known.
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Offline: shown from this computer's cache (of this view) until the server answers.
  useCachedConversationList(state, dispatch, ready ? filterKey(filter) : null);

  const onScreen = useRef(onScreenId);
  useEffect(() => {
    onScreen.current = onScreenId;
  }, [onScreenId]);

  // One key for the effect below: a new object with the same choices is the same view.
  const key = filterKey(filter);
  const latestFilter = useRef(filter);
  useEffect(() => {
    latestFilter.current = filter;
    dispatch({ type: 'filter-changed', filter });
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` stands for `filter`.

  useEffect(() => {
    if (!ready) return undefined;
    return api.whenConnected(() => {
      const asked = latestFilter.current;
      markStartup(STARTUP_MARKS.firstPageRequested);
      void api.request('conversation:list', { ...listRequest(asked), limit: PAGE_SIZE }).then((result) => {
        markStartup(STARTUP_MARKS.firstPageAnswered);
        if (result.ok) {
          markStartup(STARTUP_MARKS.firstPageFromSocket);
          dispatch({ type: 'first-page', ...result.data, filter: asked });
        }
        if (filterKey(asked) === filterKey(latestFilter.current)) setError(result.ok ? null : describeError(result.error));
      });
    });
  }, [api, ready, key]);

  // A push names a conversation this list has not seen (further down than the pages loaded, or
  // new to the view): it enters with a guessed unread count, and the member's real one is
  // fetched once. After that the list knows it and keeps the count itself.
  const latestState = useRef(state);
  useEffect(() => {
    latestState.current = state;
  }, [state]);
  const learnUnread = useCallback(
    (conversation: SharedConversationSummary) => {
      const { items, outside, filter: shown, memberId } = latestState.current;
      if (items.some((item) => item.id === conversation.id) || outside.has(conversation.id)) return;
      if (!belongsInList({ ...conversation, unreadCount: 0 }, { ...shown, unreadOnly: false }, memberId)) return;
      void api.request('conversation:get', { conversationId: conversation.id }).then((result) => {
        if (result.ok) dispatch({ type: 'conversation-updated', conversation: result.data.conversation });
      });
    },
    [api],
  );

  // A catch-up replays messages and changes with the summary as it is now, with the member's own
  // count: taken as it is (counting the replayed messages on top would count them twice).
  const replayedWithOwnCount = useCallback((conversation: SharedConversationSummary): boolean => {
    if (!('unreadCount' in conversation) || typeof conversation.unreadCount !== 'number') return false;
    dispatch({ type: 'conversation-updated', conversation: { ...conversation, unreadCount: conversation.unreadCount } });
    return true;
  }, []);

  useEffect(() => {
    const unsubscribers = [
      api.subscribe('message:created', ({ message, conversation }) => {
        if (replayedWithOwnCount(conversation)) return;
        const lookingAt = onScreen.current === conversation.id && isWindowFocused();
        learnUnread(conversation);
        dispatch({ type: 'message-pushed', conversation, fromClient: message.author.kind === 'client', lookingAt });
      }),
      api.subscribe('conversation:triaged', ({ conversation }) => {
        if (replayedWithOwnCount(conversation)) return;
        learnUnread(conversation);
        dispatch({ type: 'triaged', conversation });
      }),
      api.subscribe('unread:updated', ({ conversationId, unreadCount }) => dispatch({ type: 'unread-changed', conversationId, unreadCount })),
      api.subscribe('clientProfile:updated', ({ clientId, name }) => dispatch({ type: 'client-renamed', clientId, name })),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, learnUnread, replayedWithOwnCount]);

  const { nextCursor } = state;
  // A ref, not the state: the observer can fire again before the state re-renders.
  const moreInFlight = useRef(false);
  const loadMore = useCallback(async () => {
    if (nextCursor === null || moreInFlight.current) return;
    moreInFlight.current = true;
    setLoadingMore(true);
    const asked = latestFilter.current;
    const result = await api.request('conversation:list', { ...listRequest(asked), limit: NEXT_PAGE_SIZE, cursor: nextCursor });
    if (result.ok) dispatch({ type: 'next-page', ...result.data, filter: asked });
    setError(result.ok ? null : describeError(result.error));
    setLoadingMore(false);
    moreInFlight.current = false;
  }, [api, nextCursor]);

  return { ...state, loadingMore, error, loadMore };
}
