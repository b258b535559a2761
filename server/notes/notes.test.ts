// Internal notes against a real server: who may write and see them, mentions notify only
// colleagues who can see the conversation, a retried note is stored once, and no note ever
// reaches a client connection, the client's requests, email or text.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InternalNote } from '../../shared/noteEvents';
import { ask, askClient, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';
import { NOT_ON_TEAM } from './notes';

let t: TestServer;
let ava: number;
beforeEach(async () => {
  t = await startTestServer();
  ava = t.demo.conversations.ava!;
});
afterEach(() => t.close());

const addNote = (socket: Socket, text: string, mentionIds?: number[], senderNoteId = randomUUID()) =>
  ask(socket, 'note:add', { conversationId: ava, senderNoteId, text, ...(mentionIds ? { mentionIds } : {}) });

/** Every event a socket receives, with its payload as sent. */
function recordEverything(socket: Socket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push(`${event} ${JSON.stringify(args)}`));
  return seen;
}

describe('internal notes', () => {
  it('a member with Access writes one; colleagues at the location get it live, in order with the timeline', async () => {
    const sofia = await t.connectStaff('sofia');
    const [priya, marcus, owner] = [await t.connectStaff('priya'), await t.connectStaff('marcus'), await t.connectStaff('owner')];
    const pushed = [nextPush<{ note: InternalNote }>(priya, 'note:created'), nextPush<{ note: InternalNote }>(marcus, 'note:created'), nextPush<{ note: InternalNote }>(owner, 'note:created')];
    const written = data(await addNote(sofia, '  Ava prefers the quiet chair by the window  '));
    expect(written.note).toMatchObject({ conversationId: ava, author: { id: t.demo.members.sofia, name: 'Sofia Marin' }, text: 'Ava prefers the quiet chair by the window', mentions: [] });
    for (const push of await Promise.all(pushed)) expect(push.note).toEqual(written.note);
    expect(data(await ask(priya, 'note:list', { conversationId: ava })).items).toEqual([written.note]);
  });

  it('never reaches a member of another location nor one without Access', async () => {
    t.addMember({ name: 'Sam Desk', email: 'sam@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.shoreditch] });
    t.addMember({ name: 'Nia Trainee', email: 'nia@lumen.example', groupId: t.demo.groups.trainees, locationIds: [t.demo.locations.soho] });
    const sam = await t.connectStaff({ email: 'sam@lumen.example' });
    const nia = await t.connectStaff({ email: 'nia@lumen.example' });
    const [samSaw, niaSaw] = [recordEverything(sam), recordEverything(nia)];
    data(await addNote(await t.connectStaff('priya'), 'Soho only'));
    await Promise.all([flush(sam), flush(nia)]);
    expect([...samSaw, ...niaSaw].filter((line) => line.includes('Soho only'))).toEqual([]);
    expect(await ask(sam, 'note:list', { conversationId: ava })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Nor by catch-up: a reconnecting app gets notes of its own locations only.
    const from = { messageId: 0, readPosition: 0, settingsVersion: 0, eventId: 0, memberReadPosition: 0, noteId: 0 };
    expect(data(await ask(sam, 'sync:since', { since: from })).notes).toEqual([]);
    expect(data(await ask(nia, 'sync:since', { since: from })).notes).toEqual([]);
    expect(data(await ask(await t.connectStaff('sofia'), 'sync:since', { since: from })).notes.map((note) => note.text)).toEqual(['Soho only']);
    expect(await ask(nia, 'note:list', { conversationId: ava })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('bad input gets a clear error and stores nothing', async () => {
    const priya = await t.connectStaff('priya');
    const before = t.fingerprint();
    expect(await addNote(priya, '   ')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await addNote(priya, 'x'.repeat(2001))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await addNote(priya, 'Hi', [987_654])).toMatchObject({ ok: false, error: { code: 'bad_request', message: NOT_ON_TEAM } });
    expect(await ask(priya, 'note:add', { conversationId: ava, senderNoteId: 'not-a-uuid', text: 'Hi' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('a note sent again with its id (after a reconnect) is stored and pushed once', async () => {
    const priya = await t.connectStaff('priya');
    const marcus = await t.connectStaff('marcus');
    const pushes = recordPushes<{ note: InternalNote }>(marcus, 'note:created');
    const senderNoteId = randomUUID();
    const attempts = await Promise.all([1, 2, 3].map(() => addNote(priya, 'Once only', [], senderNoteId)));
    const ids = new Set(attempts.map((attempt) => data(attempt).note.id));
    expect(ids.size).toBe(1);
    await flush(marcus);
    expect(pushes.map((push) => push.note.text)).toEqual(['Once only']);
    expect(t.db.prepare('SELECT count(*) FROM conversation_notes').pluck().get()).toBe(1);
    // The same id for a note in another conversation is refused, not merged.
    const elsewhere = await ask(priya, 'note:add', { conversationId: t.demo.conversations.noah!, senderNoteId, text: 'Other' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('is refused while Client Connect is off, like every chat', async () => {
    const owner = await t.connectStaff('owner');
    const state = data(await ask(owner, 'settings:get', {}));
    data(await ask(owner, 'settings:update', { settings: { ...state.settings, enabled: false }, baseVersion: state.version }));
    const priya = await t.connectStaff('priya');
    const before = t.fingerprint();
    expect(await addNote(priya, 'While off')).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('mentions', () => {
  it('notify each mentioned colleague who can see the conversation, on their own devices only', async () => {
    const marcus = await t.connectStaff('marcus');
    const [priyaDesk, priyaLaptop, sofia] = [await t.connectStaff('priya'), await t.connectStaff('priya'), await t.connectStaff('sofia')];
    const sofiaMentions = recordPushes(sofia, 'note:mentioned');
    const marcusMentions = recordPushes(marcus, 'note:mentioned');
    const toPriya = [nextPush<{ note: InternalNote; conversation: { id: number; client: { name: string } } }>(priyaDesk, 'note:mentioned'), nextPush(priyaLaptop, 'note:mentioned')];
    const { note, notNotified } = data(await addNote(marcus, '@Priya Shah can you ring Ava?', [t.demo.members.priya, t.demo.members.marcus]));
    expect(note.mentions).toEqual([{ id: t.demo.members.priya, name: 'Priya Shah' }]);
    expect(notNotified).toEqual([]);
    const [desk] = await Promise.all(toPriya);
    expect(desk).toEqual({ note, conversation: expect.objectContaining({ id: ava, client: expect.objectContaining({ name: 'Ava Thompson' }) }) });
    await Promise.all([flush(sofia), flush(marcus)]);
    // Mentioning yourself is no notification; an unmentioned colleague is not told either.
    expect([sofiaMentions, marcusMentions]).toEqual([[], []]);
  });

  it('reaches only sessions that may see the conversation: access gained after signing in waits for the next sign-in', async () => {
    // Tom's trainees, signed in without chat access, gain it (at Shoreditch, where Tom works):
    // his session keeps what it had at sign-in.
    const trainees = t.repos.groups.list().find((group) => group.id === t.demo.groups.trainees)!;
    const tom = await t.connectStaff('tom');
    const tomMentions = recordPushes(tom, 'note:mentioned');
    t.repos.groups.update(t.demo.groups.trainees, { name: trainees.name, grants: { ...trainees.grants, accessChats: true } }, trainees.version);
    const marcus = await t.connectStaff('marcus');
    const mia = t.demo.conversations.mia!;
    const { note } = data(await ask(marcus, 'note:add', { conversationId: mia, senderNoteId: randomUUID(), text: '@Tom please call Mia', mentionIds: [t.demo.members.tom] }));
    expect(note.mentions).toEqual([{ id: t.demo.members.tom, name: 'Tom Hughes' }]);
    // A new sign-in of Tom's sees it; the session from before does not.
    const tomAgain = await t.connectStaff('tom');
    expect(data(await ask(tomAgain, 'note:list', { conversationId: mia })).items.map((item) => item.id)).toContain(note.id);
    await flush(tom);
    expect(tomMentions).toEqual([]);
  });

  it('a colleague who cannot see the conversation is not notified, and the writer is told who', async () => {
    // Tom has no chat access; Sam works only at Shoreditch; Lee is deactivated.
    const samId = t.addMember({ name: 'Sam Desk', email: 'sam@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.shoreditch] });
    const leeId = t.addMember({ name: 'Lee Stylist', email: 'lee@lumen.example', groupId: t.demo.groups.stylists, locationIds: [t.demo.locations.soho] });
    const [tom, sam, lee] = [await t.connectStaff('tom'), await t.connectStaff({ email: 'sam@lumen.example' }), await t.connectStaff({ email: 'lee@lumen.example' })];
    const seen = [recordEverything(tom), recordEverything(sam), recordEverything(lee)];
    data(await ask(await t.connectStaff('owner'), 'member:deactivate', { memberId: leeId }));
    const priya = await t.connectStaff('priya');
    const mentionable = data(await ask(priya, 'note:mentionable', { conversationId: ava })).members;
    expect(mentionable.find((member) => member.id === samId)).toEqual({ id: samId, name: 'Sam Desk', canSee: false });
    expect(mentionable.find((member) => member.id === t.demo.members.tom)).toMatchObject({ canSee: false });
    expect(mentionable.find((member) => member.id === t.demo.members.sofia)).toMatchObject({ canSee: true });
    expect(mentionable.some((member) => member.id === leeId || member.id === t.demo.members.priya)).toBe(false);

    const { note, notNotified } = data(await addNote(priya, '@Tom @Sam @Lee @Sofia secret', [t.demo.members.tom, samId, leeId, t.demo.members.sofia]));
    expect(note.mentions).toEqual([{ id: t.demo.members.sofia, name: 'Sofia Marin' }]);
    expect(notNotified.map((member) => member.name).sort()).toEqual(['Lee Stylist', 'Sam Desk', 'Tom Hughes']);
    await Promise.all([flush(tom), flush(sam)]);
    expect(seen.flat().filter((line) => line.includes('secret'))).toEqual([]);
    expect(t.db.prepare('SELECT member_id FROM note_mentions').pluck().all()).toEqual([t.demo.members.sofia]);
  });
});

describe('notes stay with the team', () => {
  it('never reach a client connection, the client\'s requests and catch-up, email or text', async () => {
    const priya = await t.connectStaff('priya');
    const profile = data(await ask(priya, 'clientProfile:get', { conversationId: ava }));
    data(await ask(priya, 'clientProfile:update', {
      conversationId: ava,
      baseVersion: profile.version,
      profile: { name: profile.name, mobile: profile.mobile ?? '', email: profile.email ?? '', emailNotifications: true, smsNotifications: true },
    }));
    const client = await t.connectClient(t.demo.clients.ava);
    const clientSaw = recordEverything(client);
    const position = data(await askClient(client, 'sync:since', { since: null })).position;

    const secret = 'NOTE-ONLY-FOR-STAFF patch test reaction';
    data(await addNote(priya, secret, [t.demo.members.sofia]));
    const reply = data(await ask(priya, 'message:send', { conversationId: ava, senderMessageId: randomUUID(), text: 'See you tomorrow' }));
    // The reply after the note reaches the client's connection, email and text: anything the
    // note had sent would have come before it.
    await expect.poll(() => clientSaw.some((line) => line.includes('See you tomorrow'))).toBe(true);
    await expect.poll(() => [t.sinks.smtp!.received.length, t.sinks.sms!.requests.length]).toEqual([1, 1]);
    expect(t.sinks.smtp!.received[0]!.raw).toContain('See you tomorrow');
    expect(t.sinks.sms!.requests[0]!.text).toContain('See you tomorrow');

    const pages = [
      await askClient(client, 'client:get', {}),
      await askClient(client, 'message:list', { conversationId: ava }),
      await askClient(client, 'sync:since', { since: position }),
    ];
    const everything = [...clientSaw, ...pages.map((page) => JSON.stringify(page)), ...t.sinks.smtp!.received.map((mail) => mail.raw), ...t.sinks.sms!.requests.map((text) => text.text)];
    expect(everything.filter((text) => text.includes('NOTE-ONLY-FOR-STAFF'))).toEqual([]);
    expect(t.db.prepare('SELECT DISTINCT message_id FROM deliveries').pluck().all()).toEqual([reply.id]);
  });
});
