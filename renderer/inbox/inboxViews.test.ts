// The inbox views: which list a conversation belongs in as pushes change it, the member's own
// unread counts, the counts beside the views and the badge.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, SharedConversationSummary } from '../../shared/domain';
import type { LocationCounts } from '../../shared/triageEvents';
import { offlineCache } from '../offline/offlineCache';
import { conversationListReducer, initialConversationList, type ConversationListAction, type ConversationListState } from './conversationList';
import { initialsOf } from './ConversationListItem';
import { badgeCount, viewCounts } from './inboxCounts';
import { belongsInList, DEFAULT_FILTER, filterKey, listRequest, type ListFilter } from './inboxViews';

const ME = 7;
const COLLEAGUE = { id: 8, name: 'Marcus Reid' };

const shared = (id: number, changes: Partial<SharedConversationSummary> = {}): SharedConversationSummary => ({
  id,
  client: { id: id + 100, name: `Client ${id}` },
  location: { id: 1, name: 'Soho' },
  appointment: null,
  lastMessage: null,
  lastActivityAt: id * 100,
  status: 'open',
  snoozedUntil: null,
  assignee: null,
  triageVersion: 0,
  ...changes,
});
const summary = (id: number, unreadCount = 0, changes: Partial<SharedConversationSummary> = {}): ConversationSummary => ({
  ...shared(id, changes),
  unreadCount,
});

const listOf = (filter: Partial<ListFilter>, ...actions: ConversationListAction[]): ConversationListState =>
  actions.reduce(conversationListReducer, initialConversationList({ ...DEFAULT_FILTER, ...filter }, ME));
const page = (...items: ConversationSummary[]): ConversationListAction => ({ type: 'first-page', items, nextCursor: null });
const triaged = (conversation: SharedConversationSummary): ConversationListAction => ({ type: 'triaged', conversation });
const clientMessage = (conversation: SharedConversationSummary, lookingAt = false): ConversationListAction => ({
  type: 'message-pushed',
  conversation,
  fromClient: true,
  lookingAt,
});
const ids = (state: ConversationListState) => state.items.map((item) => item.id);
const unreadOf = (state: ConversationListState, id: number) => state.items.find((item) => item.id === id)?.unreadCount;

describe('a conversation moves between views as it is triaged', () => {
  it('leaves Open when marked done, and shows in Done and All with its unread count kept', () => {
    const done = shared(2, { status: 'done', triageVersion: 1 });
    const open = listOf({ view: 'open' }, page(summary(2, 3), summary(1)), triaged(done));
    expect(ids(open)).toEqual([1]);
    const all = listOf({ view: 'all' }, page(summary(2, 3), summary(1)), triaged(done));
    expect(ids(all)).toEqual([2, 1]);
    expect(all.items[0]).toMatchObject({ status: 'done', unreadCount: 3 });
    expect(ids(listOf({ view: 'done' }, page(), triaged(done)))).toEqual([2]);
  });

  it('enters Mine when assigned to the member and leaves it when assigned to someone else', () => {
    const mine = listOf({ view: 'mine' }, page(), triaged(shared(3, { assignee: { id: ME, name: 'Priya Shah' }, triageVersion: 1 })));
    expect(ids(mine)).toEqual([3]);
    const handedOver = conversationListReducer(mine, triaged(shared(3, { assignee: COLLEAGUE, triageVersion: 2 })));
    expect(ids(handedOver)).toEqual([]);
    const unassigned = listOf({ view: 'unassigned' }, page(summary(3)), triaged(shared(3, { assignee: COLLEAGUE, triageVersion: 1 })));
    expect(ids(unassigned)).toEqual([]);
  });

  it('comes back to Open when the client writes to a done conversation, counting the new message', () => {
    const state = listOf(
      { view: 'open' },
      page(summary(2, 1), summary(1)),
      triaged(shared(2, { status: 'done', triageVersion: 1 })),
      clientMessage(shared(2, { lastActivityAt: 900, status: 'open', triageVersion: 2 })),
    );
    expect(ids(state)).toEqual([2, 1]);
    expect(unreadOf(state, 2)).toBe(2);
  });

  it('moves out of Snoozed when the snooze ends, and shows in Snoozed with its time', () => {
    const until = 5_000_000;
    const snoozed = listOf({ view: 'snoozed' }, page(), triaged(shared(4, { status: 'snoozed', snoozedUntil: until, triageVersion: 1 })));
    expect(snoozed.items[0]).toMatchObject({ id: 4, snoozedUntil: until });
    expect(ids(conversationListReducer(snoozed, triaged(shared(4, { triageVersion: 2 }))))).toEqual([]);
  });

  it('keeps to the chosen location', () => {
    const elsewhere = shared(5, { location: { id: 2, name: 'Shoreditch' } });
    expect(ids(listOf({ locationId: 1 }, page(), clientMessage(elsewhere)))).toEqual([]);
    expect(ids(listOf({ locationId: 2 }, page(), clientMessage(elsewhere)))).toEqual([5]);
  });

  it('does not let a page asked for before a push bring the conversation back', () => {
    const state = listOf({ view: 'open' }, page(summary(2)), triaged(shared(2, { status: 'done', triageVersion: 1 })), page(summary(2), summary(1)));
    expect(ids(state)).toEqual([1]);
    // A page that saw the same change (or a later one) is the page's to judge.
    const later = conversationListReducer(state, page(summary(2, 0, { triageVersion: 2 }), summary(1)));
    expect(ids(later)).toEqual([2, 1]);
  });

  it('ignores an older copy of a change it already applied', () => {
    const state = listOf({ view: 'all' }, page(summary(2, 0, { status: 'done', triageVersion: 3 })), triaged(shared(2, { triageVersion: 2 })));
    expect(state.items[0]?.status).toBe('done');
  });

  it('starts over on another view and drops a page answered for the previous one', () => {
    const open = listOf({ view: 'open' }, page(summary(1)));
    const done = conversationListReducer(open, { type: 'filter-changed', filter: { ...DEFAULT_FILTER, view: 'done' } });
    expect(done).toMatchObject({ items: [], loaded: false });
    const late = conversationListReducer(done, { type: 'first-page', items: [summary(1)], nextCursor: null, filter: DEFAULT_FILTER });
    expect(late).toBe(done);
  });
});

describe('the member’s own unread count', () => {
  it('rises by one for each client message the member is not looking at', () => {
    let state = listOf({ view: 'open' }, page(summary(1, 2)));
    state = conversationListReducer(state, clientMessage(shared(1, { lastActivityAt: 500 })));
    expect(unreadOf(state, 1)).toBe(3);
    state = conversationListReducer(state, clientMessage(shared(1, { lastActivityAt: 600 }), true));
    expect(unreadOf(state, 1)).toBe(3);
    state = conversationListReducer(state, { type: 'message-pushed', conversation: shared(1, { lastActivityAt: 700 }), fromClient: false, lookingAt: false });
    expect(unreadOf(state, 1)).toBe(3);
  });

  it('starts a conversation new to the list at 1 for a client message, 0 for a staff one', () => {
    let state = listOf({ view: 'open' }, page());
    state = conversationListReducer(state, clientMessage(shared(1)));
    state = conversationListReducer(state, { type: 'message-pushed', conversation: shared(2), fromClient: false, lookingAt: false });
    expect(unreadOf(state, 1)).toBe(1);
    expect(unreadOf(state, 2)).toBe(0);
  });

  it('is set by unread:updated (a read or a mark as unread on any of the member’s devices)', () => {
    let state = listOf({ view: 'open' }, page(summary(1, 4)));
    state = conversationListReducer(state, { type: 'unread-changed', conversationId: 1, unreadCount: 0 });
    expect(unreadOf(state, 1)).toBe(0);
    state = conversationListReducer(state, { type: 'unread-changed', conversationId: 1, unreadCount: 1 });
    expect(unreadOf(state, 1)).toBe(1);
  });

  it('takes a catch-up’s summary as it is (it carries the member’s current count)', () => {
    const state = listOf({ view: 'open' }, page(summary(1, 4)), { type: 'conversation-updated', conversation: summary(1, 1, { lastActivityAt: 900 }) });
    expect(unreadOf(state, 1)).toBe(1);
  });

  it('in Unread only, keeps a conversation the member just read until the list reloads', () => {
    let state = listOf({ unreadOnly: true }, page(summary(1, 2)));
    state = conversationListReducer(state, { type: 'unread-changed', conversationId: 1, unreadCount: 0 });
    expect(ids(state)).toEqual([1]);
    // A staff reply to a read conversation elsewhere does not bring it in; a client message does.
    state = conversationListReducer(state, { type: 'message-pushed', conversation: shared(2), fromClient: false, lookingAt: false });
    expect(ids(state)).toEqual([1]);
    state = conversationListReducer(state, clientMessage(shared(2, { lastActivityAt: 900 })));
    expect(ids(state)).toEqual([2, 1]);
    // Marked unread, a conversation known from a push comes in.
    state = conversationListReducer(state, { type: 'message-pushed', conversation: shared(3, { lastActivityAt: 950 }), fromClient: false, lookingAt: false });
    state = conversationListReducer(state, { type: 'unread-changed', conversationId: 3, unreadCount: 1 });
    expect(ids(state)).toEqual([3, 2, 1]);
  });
});

describe('which conversations a view holds', () => {
  it('follows the server’s views', () => {
    const open = summary(1);
    expect(belongsInList(open, { ...DEFAULT_FILTER, view: 'open' }, ME)).toBe(true);
    expect(belongsInList(open, { ...DEFAULT_FILTER, view: 'unassigned' }, ME)).toBe(true);
    expect(belongsInList(open, { ...DEFAULT_FILTER, view: 'mine' }, ME)).toBe(false);
    expect(belongsInList(open, { ...DEFAULT_FILTER, unreadOnly: true }, ME)).toBe(false);
    expect(belongsInList(summary(1, 0, { status: 'snoozed' }), { ...DEFAULT_FILTER, view: 'open' }, ME)).toBe(false);
    expect(belongsInList(summary(1, 0, { status: 'snoozed' }), { ...DEFAULT_FILTER, view: 'all' }, ME)).toBe(true);
  });

  it('asks the server for the same', () => {
    expect(listRequest(DEFAULT_FILTER)).toEqual({ view: 'open' });
    expect(listRequest({ view: 'done', locationId: 2, unreadOnly: true })).toEqual({ view: 'done', locationId: 2, unreadOnly: true });
    expect(filterKey({ view: 'done', locationId: 2, unreadOnly: true })).toBe('done:2:unread');
    expect(filterKey(DEFAULT_FILTER)).toBe('open:all');
  });
});

describe('counts beside the views and on the badge', () => {
  const soho: LocationCounts = { locationId: 1, open: 4, mine: 1, unassigned: 2, snoozed: 1, done: 10, unreadOpen: 3 };
  const shoreditch: LocationCounts = { locationId: 2, open: 2, mine: 0, unassigned: 2, snoozed: 0, done: 5, unreadOpen: 1 };

  it('sums every location of the member, or shows the chosen one', () => {
    expect(viewCounts([soho, shoreditch], null)).toEqual({ open: 6, mine: 1, unassigned: 4, snoozed: 1, done: 15, all: 22, unreadOpen: 4 });
    expect(viewCounts([soho, shoreditch], 2)).toEqual({ open: 2, mine: 0, unassigned: 2, snoozed: 0, done: 5, all: 7, unreadOpen: 1 });
    expect(viewCounts([], null).all).toBe(0);
  });

  it('badges the member’s unread open conversations at all their locations', () => {
    expect(badgeCount([soho, shoreditch])).toBe(4);
    expect(badgeCount([])).toBe(0);
  });
});

describe('rows and the offline cache', () => {
  it('shows an assignee by their initials', () => {
    expect(initialsOf('Marcus Reid')).toBe('MR');
    expect(initialsOf(' olivia  bennett smith ')).toBe('OB');
    expect(initialsOf('Cher')).toBe('C');
  });

  it('keeps a list per view, and signing out removes them all', async () => {
    const stored = new Map<string, unknown>();
    const prefs = {
      readPref: (key: string) => Promise.resolve(stored.get(key)),
      writePref: (key: string, value: unknown) => {
        if (value === undefined) stored.delete(key);
        else stored.set(key, value);
        return Promise.resolve();
      },
    };
    await offlineCache.writeConversationView(prefs, ME, 'open:all', [summary(1)]);
    await offlineCache.writeConversationView(prefs, ME, 'done:all', [summary(2, 0, { status: 'done' })]);
    expect((await offlineCache.readConversationView(prefs, ME, 'open:all'))?.map((item) => item.id)).toEqual([1]);
    expect((await offlineCache.readConversationView(prefs, ME, 'done:all'))?.map((item) => item.id)).toEqual([2]);
    await offlineCache.clear(prefs, ME);
    expect(await offlineCache.readConversationView(prefs, ME, 'open:all')).toBeNull();
    expect(stored.size).toBe(0);
  });
});
