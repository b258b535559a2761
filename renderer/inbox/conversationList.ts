// The conversation list: pages from the server merged with live updates, newest activity
// first. Pure, so a live update and a page that overlap it land in the same order either way.
import type { ConversationSummary } from '../../shared/domain';

export interface ConversationListState {
  items: ConversationSummary[];
  /** Keyset cursor of the next page; null once the last page is in. */
  nextCursor: string | null;
  loaded: boolean;
}

export type ConversationListAction =
  | { type: 'first-page'; items: ConversationSummary[]; nextCursor: string | null }
  | { type: 'next-page'; items: ConversationSummary[]; nextCursor: string | null }
  | { type: 'conversation-updated'; conversation: ConversationSummary }
  | { type: 'unread-changed'; conversationId: number; unreadCount: number }
  | { type: 'client-renamed'; clientId: number; name: string };

export const emptyConversationList: ConversationListState = { items: [], nextCursor: null, loaded: false };

/** Newest activity first; ties by id so the order is stable (the server's keyset order). */
export const byNewestActivity = (a: ConversationSummary, b: ConversationSummary): number =>
  b.lastActivityAt - a.lastActivityAt || b.id - a.id;

/** One entry per conversation, keeping whichever copy saw the latest activity. */
export function mergeConversations(
  current: readonly ConversationSummary[],
  incoming: readonly ConversationSummary[],
): ConversationSummary[] {
  const byId = new Map<number, ConversationSummary>();
  for (const conversation of [...current, ...incoming]) {
    const held = byId.get(conversation.id);
    if (!held || conversation.lastActivityAt >= held.lastActivityAt) byId.set(conversation.id, conversation);
  }
  return [...byId.values()].sort(byNewestActivity);
}

export function conversationListReducer(
  state: ConversationListState,
  action: ConversationListAction,
): ConversationListState {
  switch (action.type) {
    case 'first-page':
      // A fresh first page (load or reconnect) restarts paging: what we held beyond it may be
      // stale, so only copies of the page's own conversations survive (if a push made them newer).
      return {
        items: mergeConversations(
          state.items.filter((held) => action.items.some((fresh) => fresh.id === held.id)),
          action.items,
        ),
        nextCursor: action.nextCursor,
        loaded: true,
      };
    case 'next-page':
      return { ...state, items: mergeConversations(state.items, action.items), nextCursor: action.nextCursor };
    case 'conversation-updated':
      return { ...state, items: mergeConversations(state.items, [action.conversation]) };
    case 'client-renamed':
      return {
        ...state,
        items: state.items.map((conversation) =>
          conversation.client.id === action.clientId ? { ...conversation, client: { ...conversation.client, name: action.name } } : conversation,
        ),
      };
    case 'unread-changed':
      return {
        ...state,
        items: state.items.map((conversation) =>
          conversation.id === action.conversationId ? { ...conversation, unreadCount: action.unreadCount } : conversation,
        ),
      };
  }
}
