import { describe, expect, it } from 'vitest';
import type { ConversationSummary, Message } from '../../shared/domain';
import { conversationListReducer, emptyConversationList, type ConversationListAction } from './conversationList';
import { notificationBody, notificationRequest } from './notificationRules';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';

const conversation = (id: number, lastActivityAt: number, unreadCount = 0): ConversationSummary => ({
  id,
  client: { id: id + 100, name: `Client ${id}` },
  location: { id: 1, name: 'Downtown' },
  appointment: null,
  lastMessage: null,
  lastActivityAt,
  status: 'open',
  snoozedUntil: null,
  assignee: null,
  triageVersion: 0,
  unreadCount,
});

const run = (...actions: ConversationListAction[]) => actions.reduce(conversationListReducer, emptyConversationList);
const order = (state: { items: ConversationSummary[] }) => state.items.map((c) => c.id);

describe('conversationListReducer', () => {
  it('appends pages in newest-activity order without duplicates', () => {
    const state = run(
      { type: 'first-page', items: [conversation(3, 300), conversation(2, 200)], nextCursor: 'c1' },
      { type: 'next-page', items: [conversation(2, 200), conversation(1, 100)], nextCursor: null },
    );
    expect(order(state)).toEqual([3, 2, 1]);
    expect(state.nextCursor).toBeNull();
  });

  it('moves a conversation to the top when a message arrives', () => {
    const state = run(
      { type: 'first-page', items: [conversation(3, 300), conversation(2, 200), conversation(1, 100)], nextCursor: null },
      { type: 'conversation-updated', conversation: conversation(1, 400, 1) },
    );
    expect(order(state)).toEqual([1, 3, 2]);
    expect(state.items[0]?.unreadCount).toBe(1);
  });

  it('keeps a live update when an older copy arrives in a later page', () => {
    const state = run(
      { type: 'first-page', items: [conversation(3, 300)], nextCursor: 'c1' },
      { type: 'conversation-updated', conversation: conversation(1, 500) },
      { type: 'next-page', items: [conversation(1, 100)], nextCursor: null },
    );
    expect(order(state)).toEqual([1, 3]);
    expect(state.items[0]?.lastActivityAt).toBe(500);
  });

  it('breaks activity ties by id, and updates unread counts in place', () => {
    const state = run(
      { type: 'first-page', items: [conversation(1, 100), conversation(2, 100)], nextCursor: null },
      { type: 'unread-changed', conversationId: 1, unreadCount: 0 },
    );
    expect(order(state)).toEqual([2, 1]);
  });

  it('restarts from a fresh first page after reconnecting', () => {
    const state = run(
      { type: 'first-page', items: [conversation(3, 300)], nextCursor: 'c1' },
      { type: 'next-page', items: [conversation(2, 200)], nextCursor: 'c2' },
      { type: 'first-page', items: [conversation(4, 400), conversation(3, 300)], nextCursor: 'c3' },
    );
    expect(order(state)).toEqual([4, 3]);
    expect(state.nextCursor).toBe('c3');
  });
});

describe('notificationRequest', () => {
  const message = (kind: 'client' | 'staff', text = 'Hi'): Message => ({
    id: 1,
    conversationId: 7,
    senderMessageId: '00000000-0000-4000-8000-000000000001',
    author: kind === 'client' ? { kind, clientId: 1, name: 'Ana' } : { kind, memberId: 1, name: 'Mia' },
    appointmentId: null,
    text,
    attachments: [],
    createdAt: 1,
    readAt: null,
  });
  const conversation = {
    id: 7,
    client: { id: 1, name: 'Ana Ruiz' },
    location: { id: 2, name: 'Soho' },
    appointment: null,
    lastMessage: null,
    lastActivityAt: 1,
    status: 'open' as const,
    snoozedUntil: null,
    assignee: null,
    triageVersion: 0,
  };
  const context = { openConversationId: 7, prefs: DEFAULT_NOTIFICATION_PREFS, locked: false };

  it('asks the desktop about client messages only, saying what the renderer knows', () => {
    expect(notificationRequest(message('client'), conversation, context)).toEqual({
      conversationId: 7,
      locationId: 2,
      title: 'Ana Ruiz',
      body: 'Hi',
      conversationOpen: true,
      locked: false,
      prefs: DEFAULT_NOTIFICATION_PREFS,
    });
    expect(notificationRequest(message('client'), conversation, { ...context, openConversationId: 8 })?.conversationOpen).toBe(false);
    expect(notificationRequest(message('staff'), conversation, context)).toBeNull();
  });

  it('shortens long bodies to the notification limit', () => {
    expect(notificationBody('x'.repeat(600))).toHaveLength(500);
    expect(notificationRequest(message('client', 'x'.repeat(600)), conversation, context)?.body).toHaveLength(500);
  });
});

describe('client renamed in their profile', () => {
  it('shows the new name on every conversation of that client', () => {
    const conversation = (id: number, clientId: number, name: string) => ({
      id, client: { id: clientId, name }, location: { id: 1, name: 'Soho' }, appointment: null, lastMessage: null, lastActivityAt: id, unreadCount: 0,
      status: 'open' as const, snoozedUntil: null, assignee: null, triageVersion: 0,
    });
    const state = { ...emptyConversationList, items: [conversation(2, 7, 'Ava Thompson'), conversation(1, 8, 'Noah Williams')], nextCursor: null, loaded: true };
    const renamed = conversationListReducer(state, { type: 'client-renamed', clientId: 7, name: 'Ava T.' });
    expect(renamed.items.map((item) => item.client.name)).toEqual(['Ava T.', 'Noah Williams']);
  });
});
