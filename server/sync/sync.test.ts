// Catch-up: an app that was away asks for everything after the position it last saw
// and gets the messages, read state and settings it missed — scoped like pushes.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffSyncPosition } from '../../shared/syncEvents';
import { ask, askClient, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let conversationId: number;

// A fresh server for each test: catch-up positions depend on everything stored before.
beforeEach(async () => {
  t = await startTestServer();
  conversationId = t.demo.conversations.ava!;
});
afterEach(() => t.close());

const clientSend = async (clientId: number, appointmentId: number, text: string) =>
  data(await askClient(await t.connectClient(clientId), 'message:send', { appointmentId, senderMessageId: randomUUID(), text }));

describe('sync:since (staff)', () => {
  it('starts a fresh app at the head with the current settings and nothing else', async () => {
    const priya = await t.connectStaff('priya');
    const answer = data(await ask(priya, 'sync:since', { since: null }));
    expect(answer.messages).toEqual([]);
    expect(answer.settings).toEqual(t.repos.workspace.settingsState());
    expect(answer.position.messageId).toBe(t.repos.sync.head().messageId);
    expect(answer.position.settingsVersion).toBe(t.repos.workspace.settingsState().version);
  });

  it('catches up after a disconnect on messages, read state and settings missed meanwhile', async () => {
    let priya = await t.connectStaff('priya');
    const { position } = data(await ask(priya, 'sync:since', { since: null }));
    priya.close();

    // While Priya is away: the client writes twice, Marcus reads, a manager changes a setting.
    t.clock.advance(60_000);
    const appointmentId = t.demo.appointments.ava[0]!;
    const first = await clientSend(t.demo.clients.ava, appointmentId, 'Are you open on Sunday?');
    const second = await clientSend(t.demo.clients.ava, appointmentId, 'Or Monday?');
    const marcus = await t.connectStaff('marcus');
    data(await ask(marcus, 'conversation:read', { conversationId, upToMessageId: first.id }));
    const owner = await t.connectStaff('owner');
    const settings = data(await ask(owner, 'settings:get', {}));
    data(await ask(owner, 'settings:update', { settings: { ...settings.settings, typingIndicator: false }, baseVersion: settings.version }));

    priya = await t.connectStaff('priya');
    const caughtUp = data(await ask(priya, 'sync:since', { since: position }));
    expect(caughtUp.messages.map((message) => message.text)).toEqual(['Are you open on Sunday?', 'Or Monday?']);
    expect(caughtUp.reads).toContainEqual({ conversationId, reader: 'business', upToMessageId: first.id, readAt: t.clock.now() });
    expect(caughtUp.conversations.map((conversation) => conversation.id)).toEqual([conversationId]);
    // Marcus's read is the client's receipt, not Priya's: both new messages are still unread
    // for her, beside the two the demo left unread.
    expect(caughtUp.conversations[0]).toMatchObject({ unreadCount: 4, lastMessage: { text: 'Or Monday?' } });
    expect(caughtUp.settings?.settings.typingIndicator).toBe(false);
    expect(caughtUp.position).toMatchObject({ messageId: second.id, settingsVersion: settings.version + 1 });
    expect(caughtUp.hasMore).toBe(false);

    // Caught up: asking again from the new position brings nothing twice.
    const again = data(await ask(priya, 'sync:since', { since: caughtUp.position }));
    expect([again.messages, again.reads, again.settings]).toEqual([[], [], null]);
    data(await ask(owner, 'settings:update', { settings: settings.settings, baseVersion: settings.version + 1 }));
  });

  it('pages a long absence oldest first', async () => {
    const priya = await t.connectStaff('priya');
    const { position } = data(await ask(priya, 'sync:since', { since: null }));
    const appointmentId = t.demo.appointments.ava[0]!;
    const sent = [];
    for (const text of ['one', 'two', 'three']) sent.push((await clientSend(t.demo.clients.ava, appointmentId, text)).id);

    const page1 = data(await ask(priya, 'sync:since', { since: position, limit: 2 }));
    expect([page1.messages.map((message) => message.id), page1.hasMore]).toEqual([sent.slice(0, 2), true]);
    const page2 = data(await ask(priya, 'sync:since', { since: page1.position, limit: 2 }));
    expect(page2.messages.map((message) => message.id)).toEqual(sent.slice(2));
    expect(page2.hasMore).toBe(false);
  });

  it('gives each member only their locations\' conversations, and none without chat access', async () => {
    const since: StaffSyncPosition = { messageId: 0, readPosition: 0, settingsVersion: 0, eventId: 0, memberReadPosition: 0, noteId: 0 };
    t.addMember({ name: 'Sam Desk', email: 'sam@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.shoreditch] });
    const sam = await t.connectStaff({ email: 'sam@lumen.example' });
    const samSees = data(await ask(sam, 'sync:since', { since }));
    expect(samSees.messages.length).toBeGreaterThan(0);
    expect(samSees.messages.every((message) => t.repos.conversations.findById(message.conversationId)?.locationId === t.demo.locations.shoreditch)).toBe(true);
    expect(samSees.conversations.every((conversation) => conversation.location.id === t.demo.locations.shoreditch)).toBe(true);

    const tom = await t.connectStaff('tom');
    const tomSees = data(await ask(tom, 'sync:since', { since }));
    expect([tomSees.messages, tomSees.conversations, tomSees.reads]).toEqual([[], [], []]);
    expect(tomSees.settings).not.toBeNull();
    expect(tomSees.position.messageId).toBe(0);
  });

  it('holds messages back while Client Connect is off and resumes from the same place (R2)', async () => {
    const priya = await t.connectStaff('priya');
    const { position } = data(await ask(priya, 'sync:since', { since: null }));
    const sent = await clientSend(t.demo.clients.ava, t.demo.appointments.ava[0]!, 'Just before it went off');
    const settings = t.repos.workspace.settings();
    t.repos.workspace.saveSettings({ ...settings, enabled: false });
    const whileOff = data(await ask(priya, 'sync:since', { since: position }));
    expect(whileOff.messages).toEqual([]);
    expect(whileOff.position.messageId).toBe(position.messageId);
    t.repos.workspace.saveSettings(settings);
    expect(data(await ask(priya, 'sync:since', { since: whileOff.position })).messages.map((message) => message.id)).toEqual([sent.id]);
  });

  it('refuses a malformed position and changes nothing', async () => {
    const priya = await t.connectStaff('priya');
    const before = t.fingerprint();
    expect(await ask(priya, 'sync:since', { since: { messageId: -1, readPosition: 0, settingsVersion: 0 } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ask(priya, 'sync:since', { since: null, limit: 10_000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('sync:since (client)', () => {
  it('gives a client the replies and read receipts it missed, in its own conversations only', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    const { position } = data(await askClient(ava, 'sync:since', { since: null }));
    ava.close();
    const priya = await t.connectStaff('priya');
    const fromAva = await clientSend(t.demo.clients.ava, t.demo.appointments.ava[0]!, 'Thanks!');
    const reply = data(await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'You are welcome' }));
    data(await ask(priya, 'conversation:read', { conversationId, upToMessageId: fromAva.id }));

    const back = await t.connectClient(t.demo.clients.ava);
    const caughtUp = data(await askClient(back, 'sync:since', { since: position }));
    expect(caughtUp.messages.map((message) => message.id)).toEqual([fromAva.id, reply.id]);
    expect(caughtUp.reads).toContainEqual({ conversationId, upToMessageId: fromAva.id, readAt: t.clock.now() });

    const mia = await t.connectClient(t.demo.clients.mia);
    const miaSees = data(await askClient(mia, 'sync:since', { since: position }));
    expect(miaSees.messages.filter((message) => message.conversationId === conversationId)).toEqual([]);
    expect(miaSees.reads.filter((read) => read.conversationId === conversationId)).toEqual([]);
  });

  it('sends no read state to clients while read receipts are off (R5)', async () => {
    const settings = t.repos.workspace.settings();
    t.repos.workspace.saveSettings({ ...settings, readReceipts: false });
    const ava = await t.connectClient(t.demo.clients.ava);
    const caughtUp = data(await askClient(ava, 'sync:since', { since: { messageId: 0, readPosition: 0 } }));
    expect(caughtUp.reads).toEqual([]);
    expect(caughtUp.messages.filter((message) => message.author.kind === 'client').every((message) => message.readAt === null)).toBe(true);
    t.repos.workspace.saveSettings(settings);
  });
});
