// The conversation list of one view: pages from the server merged with live updates, newest
// activity first. Pure, so a live update and a page that overlap it land in the same order
// either way. Pushes to a whole location carry no unread count: the list keeps the member's own
// (a client message raises it, the member's reads and marks set it).
import type { ConversationSummary, SharedConversationSummary } from '../../shared/domain';
import { belongsInList, sameFilter, type ListFilter } from './inboxViews';

export interface ConversationListState {
  filter: ListFilter;
  /** Whose list it is: the Mine view is the conversations assigned to them. */
  memberId: number;
  items: ConversationSummary[];
  /** Keyset cursor of the next page; null once the last page is in. */
  nextCursor: string | null;
  loaded: boolean;
  /** The latest copies pushes brought of conversations outside this view (some just left it):
   * a page asked for before such a push must not bring them back, the member's own unread
   * count carries on if one comes back, and the open conversation still has its summary. */
  outside: ReadonlyMap<number, ConversationSummary>;
}

export type ConversationListAction =
  /** `filter`: the view the page was asked for; a page of another view is dropped. */
  | { type: 'first-page'; items: ConversationSummary[]; nextCursor: string | null; filter?: ListFilter }
  | { type: 'next-page'; items: ConversationSummary[]; nextCursor: string | null; filter?: ListFilter }
  | { type: 'filter-changed'; filter: ListFilter }
  /** A summary with the member's own unread count (a fetched conversation, a catch-up). */
  | { type: 'conversation-updated'; conversation: ConversationSummary }
  /** A new message. A client's raises the member's unread by one, unless they are looking at
   * the conversation (it is being marked read as it arrives). */
  | { type: 'message-pushed'; conversation: SharedConversationSummary; fromClient: boolean; lookingAt: boolean }
  /** Status, snooze or assignee changed. */
  | { type: 'triaged'; conversation: SharedConversationSummary }
  | { type: 'unread-changed'; conversationId: number; unreadCount: number }
  | { type: 'client-renamed'; clientId: number; name: string };

/** The list before anything loaded. */
export function initialConversationList(filter: ListFilter, memberId: number): ConversationListState {
  return { filter, memberId, items: [], nextCursor: null, loaded: false, outside: new Map() };
}

/** Every conversation, as the list was before it had views. */
export const emptyConversationList = initialConversationList({ view: 'all', locationId: null, unreadOnly: false }, 0);

/** Newest activity first; ties by id so the order is stable (the server's keyset order). */
export const byNewestActivity = (a: ConversationSummary, b: ConversationSummary): number =>
  b.lastActivityAt - a.lastActivityAt || b.id - a.id;

/** Whether `incoming` is at least as recent as `held`: later activity, or the same activity
 * and a triage change at least as new. */
const isAtLeastAsNew = (incoming: SharedConversationSummary, held: SharedConversationSummary): boolean =>
  incoming.lastActivityAt > held.lastActivityAt ||
  (incoming.lastActivityAt === held.lastActivityAt && incoming.triageVersion >= held.triageVersion);

/** One entry per conversation, keeping whichever copy is the most recent. */
export function mergeConversations(
  current: readonly ConversationSummary[],
  incoming: readonly ConversationSummary[],
): ConversationSummary[] {
  const byId = new Map<number, ConversationSummary>();
  for (const conversation of [...current, ...incoming]) {
    const held = byId.get(conversation.id);
    if (!held || isAtLeastAsNew(conversation, held)) byId.set(conversation.id, conversation);
  }
  return [...byId.values()].sort(byNewestActivity);
}

/** Enough to remember a busy day's conversations outside the view, bounded all the same. */
const OUTSIDE_REMEMBERED = 2_000;

function rememberOutside(outside: ReadonlyMap<number, ConversationSummary>, conversation: ConversationSummary) {
  const next = new Map(outside);
  next.delete(conversation.id);
  next.set(conversation.id, conversation);
  if (next.size > OUTSIDE_REMEMBERED) next.delete(next.keys().next().value!);
  return next;
}

function forgetOutside(outside: ReadonlyMap<number, ConversationSummary>, conversationId: number) {
  if (!outside.has(conversationId)) return outside;
  const next = new Map(outside);
  next.delete(conversationId);
  return next;
}

/** A page's conversations, less those a push already took out of the view since. */
function withoutDeparted(state: ConversationListState, items: readonly ConversationSummary[]): ConversationSummary[] {
  return items.filter((item) => {
    const gone = state.outside.get(item.id);
    // Strictly newer: a copy in the same state is the page's to judge (it has the unread count).
    return !gone || isAtLeastAsNew(item, gone);
  });
}

/** Puts a newer copy of a conversation where the view says: in the list, or out of it. In the
 * Unread only list a conversation the member has just read stays until the list reloads, so it
 * does not vanish under their pointer. */
function place(state: ConversationListState, conversation: ConversationSummary): ConversationListState {
  const held = state.items.find((item) => item.id === conversation.id);
  if (held && !isAtLeastAsNew(conversation, held)) return state;
  const known = state.outside.get(conversation.id);
  if (!held && known && !isAtLeastAsNew(conversation, known)) return state;
  const unreadKept = held !== undefined && state.filter.unreadOnly;
  const filter = unreadKept ? { ...state.filter, unreadOnly: false } : state.filter;
  if (belongsInList(conversation, filter, state.memberId)) {
    return { ...state, items: mergeConversations(state.items, [conversation]), outside: forgetOutside(state.outside, conversation.id) };
  }
  const items = held ? state.items.filter((item) => item.id !== conversation.id) : state.items;
  return { ...state, items, outside: rememberOutside(state.outside, conversation) };
}

/** The member's own unread count for a pushed summary: what the list holds, plus a new client
 * message they are not looking at. A conversation new to the list starts from 0. */
function ownUnread(state: ConversationListState, conversationId: number, raise: boolean): number {
  const held = state.items.find((item) => item.id === conversationId) ?? state.outside.get(conversationId);
  return (held?.unreadCount ?? 0) + (raise ? 1 : 0);
}

export function conversationListReducer(
  state: ConversationListState,
  action: ConversationListAction,
): ConversationListState {
  switch (action.type) {
    case 'first-page': {
      if (action.filter && !sameFilter(action.filter, state.filter)) return state;
      const fresh = withoutDeparted(state, action.items);
      // A fresh first page (load or reconnect) restarts paging: what we held beyond it may be
      // stale, so only copies of the page's own conversations survive (if a push made them newer).
      return {
        ...state,
        items: mergeConversations(
          state.items.filter((held) => fresh.some((item) => item.id === held.id)),
          fresh,
        ),
        nextCursor: action.nextCursor,
        loaded: true,
      };
    }
    case 'next-page':
      if (action.filter && !sameFilter(action.filter, state.filter)) return state;
      return { ...state, items: mergeConversations(state.items, withoutDeparted(state, action.items)), nextCursor: action.nextCursor };
    case 'filter-changed':
      if (sameFilter(action.filter, state.filter)) return state;
      return initialConversationList(action.filter, state.memberId);
    case 'conversation-updated':
      return place(state, action.conversation);
    case 'message-pushed': {
      const raise = action.fromClient && !action.lookingAt;
      return place(state, { ...action.conversation, unreadCount: ownUnread(state, action.conversation.id, raise) });
    }
    case 'triaged':
      return place(state, { ...action.conversation, unreadCount: ownUnread(state, action.conversation.id, false) });
    case 'client-renamed':
      return {
        ...state,
        items: state.items.map((conversation) =>
          conversation.client.id === action.clientId ? { ...conversation, client: { ...conversation.client, name: action.name } } : conversation,
        ),
      };
    case 'unread-changed':
      return withUnreadCount(state, action.conversationId, action.unreadCount);
  }
}

/** The member's own count changed (their read or mark as unread, on any of their devices). A
 * conversation known from a push but outside the list may come in (marked unread in Unread only). */
function withUnreadCount(state: ConversationListState, conversationId: number, unreadCount: number): ConversationListState {
  const held = state.items.find((item) => item.id === conversationId);
  if (!held) {
    const known = state.outside.get(conversationId);
    return known && known.unreadCount !== unreadCount ? place(state, { ...known, unreadCount }) : state;
  }
  if (held.unreadCount === unreadCount) return state;
  return {
    ...state,
    items: state.items.map((conversation) => (conversation.id === conversationId ? { ...conversation, unreadCount } : conversation)),
  };
}
