import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import { outgoingFromOutbox } from '../sending/outgoingFromOutbox';
import { emptyTimeline, hasUnreadBy, newestMessageBy, timelineReducer, type TimelineAction } from './timeline';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const message = (id: number, kind: 'client' | 'staff' = 'client', readAt: number | null = null): Message => ({
  id,
  conversationId: 1,
  senderMessageId: uuid(id),
  author: kind === 'client' ? { kind, clientId: 9, name: 'Ana' } : { kind, memberId: 2, name: 'Mia' },
  appointmentId: null,
  text: `message ${id}`,
  attachments: [],
  createdAt: id * 1000,
  readAt,
});

const run = (...actions: TimelineAction[]) => actions.reduce(timelineReducer, emptyTimeline);
const ids = (state: { messages: Message[] }) => state.messages.map((m) => m.id);

describe('timelineReducer', () => {
  it('prepends older pages and keeps messages unique and ordered', () => {
    const state = run(
      { type: 'latest-page', items: [message(4), message(5)], hasMore: true },
      { type: 'older-page', items: [message(2), message(3), message(4)], hasMore: false },
    );
    expect(ids(state)).toEqual([2, 3, 4, 5]);
    expect(state.hasOlder).toBe(false);
    expect(state.loaded).toBe(true);
  });

  it('adds live messages once, in id order', () => {
    const state = run(
      { type: 'latest-page', items: [message(1)], hasMore: false },
      { type: 'message', message: message(3) },
      { type: 'message', message: message(2) },
      { type: 'message', message: message(3) },
    );
    expect(ids(state)).toEqual([1, 2, 3]);
  });

  it('shows a sent message as sending until the ack or its echo arrives, whichever is first', () => {
    const sent = { ...message(7, 'staff'), senderMessageId: uuid(700) };
    const inFlight = {
      entries: [{ senderMessageId: uuid(700), queue: '1', payload: { text: 'See you then', attachments: [] }, createdAt: 1, state: 'pending' as const, error: null }],
      inFlight: uuid(700),
    };
    const everywhere = () => true;
    const before = run({ type: 'latest-page', items: [], hasMore: false });
    expect(outgoingFromOutbox(inFlight, everywhere, before.messages)).toMatchObject([{ status: 'sending', text: 'See you then' }]);
    const echoed = [{ type: 'message', message: sent }, { type: 'message', message: sent }] as const;
    const settled = echoed.reduce(timelineReducer, before);
    expect(outgoingFromOutbox(inFlight, everywhere, settled.messages)).toEqual([]);
    expect(ids(settled)).toEqual([7]);
  });

  it("applies read receipts to the other side's messages only, up to the given id", () => {
    const state = run(
      { type: 'latest-page', items: [message(1, 'staff'), message(2, 'client'), message(3, 'staff')], hasMore: false },
      { type: 'read', authorKind: 'staff', upToMessageId: 2, readAt: 99 },
    );
    expect(state.messages.map((m) => m.readAt)).toEqual([99, null, null]);
  });

  it('merges a catch-up page that overlaps, and restarts from one that leaves a gap', () => {
    const loaded = run({ type: 'latest-page', items: [message(5), message(6)], hasMore: true });
    const overlapping = timelineReducer(loaded, { type: 'latest-page', items: [message(6), message(7)], hasMore: true });
    expect(ids(overlapping)).toEqual([5, 6, 7]);
    const gap = timelineReducer(loaded, { type: 'latest-page', items: [message(20), message(21)], hasMore: true });
    expect(ids(gap)).toEqual([20, 21]);
    expect(gap.hasOlder).toBe(true);
  });

  it('finds the newest message and unread state per side', () => {
    const state = run({ type: 'latest-page', items: [message(1, 'client', 5), message(2, 'staff'), message(3, 'client')], hasMore: false });
    expect(newestMessageBy(state, 'client')?.id).toBe(3);
    expect(hasUnreadBy(state, 'client')).toBe(true);
    const read = timelineReducer(state, { type: 'read', authorKind: 'client', upToMessageId: 3, readAt: 9 });
    expect(hasUnreadBy(read, 'client')).toBe(false);
  });

  it('holds the page around a search match, leaves newer live messages to the newer pages, and joins up at the newest', () => {
    const opened = run(
      { type: 'latest-page', items: [message(40), message(41)], hasMore: true },
      { type: 'window-page', items: [message(9), message(10), message(11)], hasMore: true, hasNewer: true },
    );
    expect(ids(opened)).toEqual([9, 10, 11]);
    expect(opened).toMatchObject({ hasOlder: true, hasNewer: true, loaded: true });
    const live = timelineReducer(opened, { type: 'message', message: message(42) });
    expect(ids(live)).toEqual([9, 10, 11]);
    const paged = timelineReducer(live, { type: 'newer-page', items: [message(12), message(42)], hasNewer: false });
    expect(ids(paged)).toEqual([9, 10, 11, 12, 42]);
    expect(ids(timelineReducer(paged, { type: 'message', message: message(43) }))).toEqual([9, 10, 11, 12, 42, 43]);
  });

  it('jumps to the newest when the latest page arrives while held around an older message', () => {
    const state = run(
      { type: 'window-page', items: [message(9), message(10)], hasMore: true, hasNewer: true },
      { type: 'latest-page', items: [message(40), message(41)], hasMore: true },
    );
    expect(ids(state)).toEqual([40, 41]);
    expect(state).toMatchObject({ hasOlder: true, hasNewer: false });
  });
});
