// Staff-only events join the message history by time and read as the front desk says them.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import type { ConversationEvent } from '../../shared/triageEvents';
import { mergeTimelineRows, type TimelineNote } from '../chat/timeline';
import { deliverSyncPage } from '../offline/catchUpStaff';
import { mergeEvents } from './conversationEvents';
import { conflictText, eventText } from './eventWording';

const priya = { id: 1, name: 'Priya' };
const marcus = { id: 2, name: 'Marcus' };

const message = (id: number, createdAt: number): Message => ({
  id,
  conversationId: 1,
  senderMessageId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  author: { kind: 'client', clientId: 9, name: 'Grace' },
  appointmentId: null,
  text: `message ${id}`,
  attachments: [],
  createdAt,
  readAt: null,
});

const event = (id: number, createdAt: number, fields: Partial<ConversationEvent> = {}): ConversationEvent => ({
  id,
  conversationId: 1,
  kind: 'done',
  actor: marcus,
  cause: 'member',
  assignee: null,
  snoozedUntil: null,
  createdAt,
  ...fields,
});

const note = (id: number, createdAt: number): TimelineNote => ({ key: `e${id}`, id, createdAt, text: `event ${id}` });
const order = (rows: ReturnType<typeof mergeTimelineRows>) => rows.map((row) => (row.kind === 'message' ? `m${row.message.id}` : row.note.key));

describe('timeline merge', () => {
  it('places events between messages by time, a message first when both share a moment', () => {
    const rows = mergeTimelineRows([message(1, 100), message(2, 300), message(3, 500)], [note(8, 300), note(7, 200), note(9, 900)], false);
    expect(order(rows)).toEqual(['m1', 'e7', 'm2', 'e8', 'm3', 'e9']);
  });

  it('keeps events older than the loaded messages back while older messages are still to load', () => {
    const notes = [note(1, 50), note(2, 150)];
    expect(order(mergeTimelineRows([message(5, 100), message(6, 200)], notes, true))).toEqual(['m5', 'e2', 'm6']);
    expect(order(mergeTimelineRows([message(5, 100), message(6, 200)], notes, false))).toEqual(['e1', 'm5', 'e2', 'm6']);
  });

  it('shows events alone in a conversation without messages', () => {
    expect(order(mergeTimelineRows([], [note(2, 20), note(1, 20)], false))).toEqual(['e1', 'e2']);
  });

  it('keeps each event once, in order, however often it arrives', () => {
    const merged = mergeEvents([event(2, 200), event(1, 100)], [event(2, 200), event(3, 150)]);
    expect(merged.map((item) => item.id)).toEqual([1, 3, 2]);
  });
});

describe('event wording', () => {
  const context = { clientName: 'Grace', timeZone: 'Europe/London', now: Date.parse('2025-12-01T12:00:00Z') };
  it('says who did what', () => {
    expect(eventText(event(1, 1, { kind: 'assigned', actor: priya, assignee: marcus }), context)).toBe('Priya assigned this to Marcus');
    expect(eventText(event(1, 1, { kind: 'assigned', actor: priya, assignee: priya }), context)).toBe('Priya took this');
    expect(eventText(event(1, 1, { kind: 'unassigned', actor: priya }), context)).toBe('Priya unassigned this');
    expect(eventText(event(1, 1, { kind: 'done' }), context)).toBe('Marcus marked this done');
    expect(eventText(event(1, 1, { kind: 'reopened' }), context)).toBe('Marcus reopened this');
    expect(eventText(event(1, 1, { kind: 'reopened', actor: null, cause: 'client-message' }), context)).toBe('Reopened: Grace wrote');
    expect(eventText(event(1, 1, { kind: 'unsnoozed', actor: null, cause: 'snooze-ended' }), context)).toBe('Snooze ended');
    const until = Date.parse('2025-12-02T09:00:00Z');
    expect(eventText(event(1, 1, { kind: 'snoozed', snoozedUntil: until }), context)).toBe('Marcus snoozed this until Tue 09:00');
  });

  it('says which change overtook one made on this device', () => {
    expect(conflictText(event(1, 1, { kind: 'done' }), context)).toBe(
      'Marcus marked this done before your change reached the server — yours was not applied.',
    );
    expect(conflictText(null, context)).toMatch(/^Someone changed this conversation before/);
  });
});

describe('events after a reconnect', () => {
  it('reach the open conversation as conversation:triaged pushes, after the messages they follow', () => {
    const delivered: [string, unknown][] = [];
    const summary = {
      id: 1, client: { id: 9, name: 'Grace' }, location: { id: 1, name: 'Soho' }, appointment: null, lastMessage: null, lastActivityAt: 5,
      status: 'open' as const, snoozedUntil: null, assignee: null, triageVersion: 4, unreadCount: 1,
    };
    const reopened = event(3, 300, { kind: 'reopened', actor: null, cause: 'client-message' });
    deliverSyncPage(
      { deliver: (name, payload) => void delivered.push([name, payload]) },
      {
        position: { messageId: 2, readPosition: 0, settingsVersion: 1, eventId: 3, memberReadPosition: 0, noteId: 0 },
        hasMore: false,
        messages: [message(2, 300)],
        conversations: [summary],
        reads: [],
        events: [reopened, event(4, 400, { conversationId: 99 })],
        notes: [],
        unread: [],
        settings: null,
      },
    );
    // The event of a conversation the page does not describe is not handed on half-known.
    expect(delivered.map(([name]) => name)).toEqual(['message:created', 'conversation:triaged']);
    expect(delivered[1]?.[1]).toEqual({ conversation: summary, event: reopened });
  });
});
