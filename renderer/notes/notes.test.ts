// Notes in the renderer: timeline rows from stored and waiting notes, @mentions found in what
// was typed, the picker's choices, the writer's "can't see" notice, the mention notification,
// and catch-up handing replayed notes on as the pushes the screens know.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';
import type { InternalNote, Mentionable } from '../../shared/noteEvents';
import { deliverSyncPage } from '../offline/catchUpStaff';
import { offlineCache } from '../offline/offlineCache';
import { createMemoryStorage } from '../desktop/testDoubles';
import { createWebBridge } from '../desktop/webBridge';
import { createStaffOutbox } from '../sending/staffOutbox';
import { outgoingFromOutbox } from '../sending/outgoingFromOutbox';
import { mentionNotificationRequest, MENTIONED_TITLE } from './mentionNotifications';
import { insertMention, mentionChoices, mentionIdsIn, mentionQueryAt, mergeNotes, noteRows, notNotifiedText } from './noteTimeline';

const note = (id: number, createdAt: number, changes: Partial<InternalNote> = {}): InternalNote => ({
  id,
  conversationId: 1,
  author: { id: 3, name: 'Marcus Reid' },
  text: `Note ${id}`,
  mentions: [],
  senderNoteId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  createdAt,
  ...changes,
});
const team: Mentionable[] = [
  { id: 2, name: 'Priya Shah', canSee: true },
  { id: 4, name: 'Sofia Marin', canSee: true },
  { id: 5, name: 'Tom Hughes', canSee: false },
  { id: 6, name: 'Lee Stylist', canSee: true },
  { id: 7, name: 'Lee Park', canSee: true },
];

describe('notes in the timeline', () => {
  it('merge by id, oldest first, whichever way they arrived', () => {
    expect(mergeNotes([note(2, 20)], [note(1, 10), note(2, 20, { text: 'again' })]).map((n) => [n.id, n.text])).toEqual([[1, 'Note 1'], [2, 'again']]);
  });

  it('show waiting notes until the stored copy arrives, then once', () => {
    const stored = [note(1, 10)];
    const waiting = [
      { senderNoteId: note(1, 10).senderNoteId, text: 'Note 1', createdAt: 10, failed: false },
      { senderNoteId: 'b', text: 'Written offline', createdAt: 30, failed: false },
      { senderNoteId: 'c', text: 'Refused', createdAt: 40, failed: true },
    ];
    const rows = noteRows(stored, waiting, 'Priya Shah');
    expect(rows.map((row) => [row.text, row.internal])).toEqual([
      ['Note 1', { author: 'Marcus Reid', state: 'stored' }],
      ['Written offline', { author: 'Priya Shah', state: 'waiting' }],
      ['Refused', { author: 'Priya Shah', state: 'failed' }],
    ]);
  });
});

describe('mentions while writing', () => {
  it('finds full names, and first names no colleague shares, not parts of other words', () => {
    expect(mentionIdsIn('@Priya Shah can you call?', team)).toEqual([2]);
    expect(mentionIdsIn('Thanks @sofia and @Tom', team)).toEqual([4, 5]);
    // Two Lees: "@Lee" alone is nobody; the full name is one of them.
    expect(mentionIdsIn('@Lee please', team)).toEqual([]);
    expect(mentionIdsIn('@Lee Park please', team)).toEqual([7]);
    expect(mentionIdsIn('email priya@lumen.example or @Priyanka', team)).toEqual([]);
  });

  it('knows the "@wor" being typed and offers matching colleagues, those who can see first', () => {
    expect(mentionQueryAt('Ask @pr', 7)).toEqual({ start: 4, query: 'pr' });
    expect(mentionQueryAt('Ask @', 5)).toEqual({ start: 4, query: '' });
    expect(mentionQueryAt('a@b', 3)).toBeNull();
    expect(mentionQueryAt('Ask @pr now', 11)).toBeNull();
    expect(mentionChoices(team, 's').map((member) => member.name)).toEqual(['Priya Shah', 'Sofia Marin', 'Lee Stylist']);
    expect(mentionChoices(team, 'hu').map((member) => member.name)).toEqual(['Tom Hughes']);
    expect(mentionChoices([team[2]!, team[0]!], '').map((member) => member.name)).toEqual(['Priya Shah', 'Tom Hughes']);
    expect(insertMention('Ask @pr now', { start: 4, query: 'pr' }, 'Priya Shah')).toEqual({ text: 'Ask @Priya Shah now', caret: 16 });
  });

  it('tells the writer who was not notified', () => {
    expect(notNotifiedText([])).toBeNull();
    expect(notNotifiedText([{ id: 6, name: 'Lee' }])).toBe("Lee can't see this conversation, so was not notified.");
    expect(notNotifiedText([{ id: 5, name: 'Tom' }, { id: 6, name: 'Lee' }, { id: 8, name: 'Sam' }])).toBe("Tom, Lee and Sam can't see this conversation, so were not notified.");
  });
});

const summary = {
  id: 1, client: { id: 9, name: 'Ava Thompson' }, location: { id: 1, name: 'Soho' }, appointment: null, lastMessage: null, lastActivityAt: 5,
  status: 'open' as const, snoozedUntil: null, assignee: null, triageVersion: 0,
};
const context = { openConversationId: null, prefs: DEFAULT_NOTIFICATION_PREFS, locked: false };

describe('mention notifications', () => {
  it('name the writer and the client, never the note, and only for the member mentioned', () => {
    const mentioning = note(1, 10, { mentions: [{ id: 2, name: 'Priya Shah' }], text: 'Allergic to latex' });
    const request = mentionNotificationRequest(mentioning, summary, 2, context);
    expect(request).toMatchObject({ title: MENTIONED_TITLE, about: 'mention', conversationId: 1, locationId: 1 });
    expect(request?.body).toBe('Marcus Reid mentioned you in a note on the conversation with Ava Thompson');
    expect(mentionNotificationRequest(mentioning, summary, 4, context)).toBeNull();
    expect(mentionNotificationRequest(note(2, 10, { author: { id: 2, name: 'Priya Shah' }, mentions: [{ id: 2, name: 'Priya Shah' }] }), summary, 2, context)).toBeNull();
  });

  it('catch-up hands notes on as note:created, and as note:mentioned to the member mentioned', () => {
    const delivered: [string, unknown][] = [];
    const mentioning = note(1, 10, { mentions: [{ id: 2, name: 'Priya Shah' }] });
    const page = {
      position: { messageId: 0, readPosition: 0, settingsVersion: 1, eventId: 0, memberReadPosition: 0, noteId: 2 },
      hasMore: false, messages: [], conversations: [{ ...summary, unreadCount: 0 }], reads: [], events: [],
      notes: [mentioning, note(2, 20)], unread: [], settings: null,
    };
    deliverSyncPage({ deliver: (name, payload) => void delivered.push([name, payload]) }, page, 2);
    expect(delivered.map(([name]) => name)).toEqual(['note:created', 'note:mentioned', 'note:created']);
    delivered.length = 0;
    deliverSyncPage({ deliver: (name, payload) => void delivered.push([name, payload]) }, page, 4);
    expect(delivered.map(([name]) => name)).toEqual(['note:created', 'note:created']);
  });
});

const bridgeOver = (storage: ReturnType<typeof createMemoryStorage>) =>
  createWebBridge({ origin: 'http://127.0.0.1:1', storage, document: { title: 'Inbox' }, focusWindow: () => undefined, notifications: undefined, isWindowFocused: () => true, now: () => new Date() });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('notes on this computer', () => {
  it('are cached per member beside the messages, and leave with the member\'s sign-out', async () => {
    const bridge = bridgeOver(createMemoryStorage());
    await offlineCache.writeMessages(bridge, 3, 1, []);
    await offlineCache.writeNotes(bridge, 3, 1, [note(1, 10)]);
    expect(await offlineCache.readNotes(bridge, 3, 1)).toEqual([note(1, 10)]);
    expect(await offlineCache.readNotes(bridge, 4, 1)).toBeNull();
    await offlineCache.clear(bridge, 3);
    expect(await offlineCache.readNotes(bridge, 3, 1)).toBeNull();
  });

  it('written offline, wait in the outbox through a reload and go out once as note:add with their own id, never as a reply', async () => {
    const storage = createMemoryStorage();
    const sent: [string, unknown][] = [];
    const api = {
      request: (name: string, payload: { senderNoteId: string; text: string; conversationId: number }) => {
        sent.push([name, payload]);
        return Promise.resolve({ ok: true, data: { note: note(1, 10, { senderNoteId: payload.senderNoteId, text: payload.text }), notNotified: [] } });
      },
    };
    const offline = createStaffOutbox({ api: api as never, prefs: bridgeOver(storage), memberId: 3, isConnected: () => false });
    await offline.enqueue({ senderMessageId: uuid(1), queue: '1', payload: { conversationId: 1, note: { text: 'Quiet chair', mentionIds: [2] } } });
    await offline.flush();
    expect(sent).toEqual([]);
    const reloaded = createStaffOutbox({ api: api as never, prefs: bridgeOver(storage), memberId: 3, isConnected: () => true });
    await reloaded.refresh();
    // Not shown as a pending reply: the notes' own hook shows it as a waiting note.
    expect(outgoingFromOutbox(reloaded.snapshot(), () => true, [])).toEqual([]);
    const delivered: unknown[] = [];
    reloaded.onDelivered((ack) => void delivered.push(ack));
    await reloaded.flush();
    await reloaded.flush();
    expect(sent).toEqual([['note:add', { conversationId: 1, senderNoteId: uuid(1), text: 'Quiet chair', mentionIds: [2] }]]);
    expect(delivered).toEqual([{ note: expect.objectContaining({ text: 'Quiet chair' }), notNotified: [] }]);
    expect(reloaded.snapshot().entries).toEqual([]);
  });
});
