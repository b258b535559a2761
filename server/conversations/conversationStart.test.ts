// Starting a conversation (Reply to client chats, R7): any client of the workspace is found by
// name, email or mobile; the first message goes through the send path replies use (stored once
// per sender message id, deliveries by the client's preferences, pushed to staff and the client)
// and into the existing conversation when there is one. Refusals change nothing.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message } from '../../shared/domain';
import { ask, askClient, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let priya: Socket;

// A fresh server per test: starting conversations changes what the next test would find.
beforeEach(async () => {
  t = await startTestServer();
  priya = await t.connectStaff('priya');
});
afterEach(() => t.close());

const names = (result: { clients: { client: { name: string } }[] }) => result.clients.map((found) => found.client.name);
const conversationCount = () => (t.db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
const start = (overrides: Record<string, unknown> = {}) => ({
  clientId: t.demo.clients.grace,
  locationId: t.demo.locations.soho,
  senderMessageId: randomUUID(),
  text: 'Hi Grace, your keratin treatment is booked for next week.',
  ...overrides,
});

describe('client:find', () => {
  it('finds a client without a conversation by name, email or mobile, national or international', async () => {
    for (const query of ['Grace', 'gra', 'kim grace', 'grace@example', '07400 900107', '+44 7400 900107', '0044 7400900107', '7400900107']) {
      expect(names(data(await ask(priya, 'client:find', { query }))), query).toEqual(['Grace Kim']);
    }
    expect(data(await ask(priya, 'client:find', { query: 'Grace' })).clients[0]).toEqual({
      client: { id: t.demo.clients.grace, name: 'Grace Kim' },
      mobile: '+447400900107',
      email: 'grace@example.com',
      conversations: [],
    });
  });

  it('lists a client\'s conversations at the member\'s locations only', async () => {
    const [ava] = data(await ask(priya, 'client:find', { query: 'Ava' })).clients;
    expect(ava?.conversations).toEqual([{ conversationId: t.demo.conversations.ava, location: { id: t.demo.locations.soho, name: 'Lumen Soho' } }]);
    const [mia] = data(await ask(priya, 'client:find', { query: 'Mia' })).clients;
    expect(mia?.conversations).toEqual([]);
  });

  it('answers nothing for input without a word, and a page of at most the limit', async () => {
    expect(data(await ask(priya, 'client:find', { query: '@@@' }))).toEqual({ clients: [] });
    expect(data(await ask(priya, 'client:find', { query: 'example', limit: 3 })).clients).toHaveLength(3);
    expect(await ask(priya, 'client:find', { query: ' ' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('conversation:start-options', () => {
  it('offers each of the member\'s locations with the conversation and the client\'s appointments there', async () => {
    const marcus = await t.connectStaff('marcus');
    const options = data(await ask(marcus, 'conversation:start-options', { clientId: t.demo.clients.grace }));
    expect(options.client.client.name).toBe('Grace Kim');
    expect(options.locations.map((option) => [option.location.name, option.conversationId, option.appointments.map((a) => a.service)])).toEqual([
      ['Lumen Shoreditch', null, []],
      ['Lumen Soho', null, ['Keratin treatment']],
    ]);
    expect(await ask(marcus, 'conversation:start-options', { clientId: 987_654 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('conversation:start', () => {
  it('starts a conversation with the first message, pushed to staff at the location and to the client', async () => {
    const marcus = await t.connectStaff('marcus');
    const grace = await t.connectClient(t.demo.clients.grace);
    const toColleague = nextPush<{ message: Message; conversation: ConversationSummary }>(marcus, 'message:created');
    const toClient = nextPush<{ message: Message }>(grace, 'message:created');
    const appointmentId = t.demo.appointments.grace[0]!;

    const started = data(await ask(priya, 'conversation:start', start({ appointmentId })));
    expect(started.message).toMatchObject({
      conversationId: started.conversationId,
      author: { kind: 'staff', memberId: t.demo.members.priya, name: 'Priya Shah' },
      appointmentId,
      text: 'Hi Grace, your keratin treatment is booked for next week.',
    });
    const pushed = await toColleague;
    expect(pushed.message).toEqual(started.message);
    expect(pushed.conversation).toMatchObject({ id: started.conversationId, client: { name: 'Grace Kim' }, location: { name: 'Lumen Soho' } });
    expect((await toClient).message.id).toBe(started.message.id);
    // The client's page now lists it with the appointment's location.
    const overview = data(await askClient(grace, 'client:get', {}));
    expect(overview.conversations.map((conversation) => conversation.id)).toEqual([started.conversationId]);
    expect(overview.appointments[0]?.conversationId).toBe(started.conversationId);
    // And the client finder now knows it.
    expect(data(await ask(priya, 'client:find', { query: 'Grace' })).clients[0]?.conversations).toEqual([
      { conversationId: started.conversationId, location: { id: t.demo.locations.soho, name: 'Lumen Soho' } },
    ]);
  });

  it('delivers by the client\'s preferences: in the app always, email when they chose it', async () => {
    t.db.prepare('UPDATE clients SET email_notifications = 1 WHERE id = ?').run(t.demo.clients.grace);
    const started = data(await ask(priya, 'conversation:start', start()));
    expect(t.db.prepare('SELECT channel, address FROM deliveries WHERE message_id = ?').all(started.message.id)).toEqual([
      { channel: 'email', address: 'grace@example.com' },
    ]);
  });

  it('puts the message into the conversation the client already has at that location', async () => {
    const before = conversationCount();
    const started = data(await ask(priya, 'conversation:start', start({ clientId: t.demo.clients.ava, text: 'Following up' })));
    expect(started.conversationId).toBe(t.demo.conversations.ava);
    expect(conversationCount()).toBe(before);
    const history = data(await ask(priya, 'message:list', { conversationId: started.conversationId })).items;
    expect(history.at(-1)?.id).toBe(started.message.id);
  });

  it('stores retries fired all at once as one message in one conversation, answered alike, pushed once', async () => {
    const grace = await t.connectClient(t.demo.clients.grace);
    const clientPushes = recordPushes(grace, 'message:created');
    const payload = start();
    const before = { conversations: conversationCount() };
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(priya, 'conversation:start', payload)));
    const stored = answers.map(data);
    expect(new Set(stored.map((answer) => answer.message.id)).size).toBe(1);
    expect(stored.every((answer) => answer.conversationId === stored[0]!.conversationId)).toBe(true);
    expect(conversationCount()).toBe(before.conversations + 1);
    const messages = t.db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(stored[0]!.conversationId) as { n: number };
    expect(messages.n).toBe(1);
    await flush(grace, 'client');
    expect(clientPushes).toHaveLength(1);
    // A retry later, from another device of the member, gets the same answer.
    expect(data(await ask(await t.connectStaff('priya'), 'conversation:start', payload))).toEqual(stored[0]);
  });

  it('makes one conversation when different first messages to the same client are sent at once', async () => {
    const marcus = await t.connectStaff('marcus');
    const before = conversationCount();
    const answers = await Promise.all([ask(priya, 'conversation:start', start({ text: 'One' })), ask(marcus, 'conversation:start', start({ text: 'Two' }))]);
    const [one, two] = answers.map(data);
    expect(one!.conversationId).toBe(two!.conversationId);
    expect(conversationCount()).toBe(before + 1);
  });

  describe('refused, changing nothing', () => {
    const refusals: [string, () => Record<string, unknown>, string][] = [
      ['a client that does not exist', () => start({ clientId: 987_654 }), 'not_found'],
      ['a location the member does not work at', () => start({ locationId: t.demo.locations.shoreditch }), 'not_found'],
      ['a location that does not exist', () => start({ locationId: 987_654 }), 'not_found'],
      ['another client\'s appointment', () => start({ appointmentId: t.demo.appointments.ava[0] }), 'not_found'],
      ['an appointment that does not exist', () => start({ appointmentId: 987_654 }), 'not_found'],
      ['no text and no attachment', () => start({ text: '   ' }), 'bad_request'],
      ['a sender message id that is not a UUID', () => start({ senderMessageId: 'again' }), 'bad_request'],
      ['an upload that does not exist', () => start({ attachmentIds: [987_654] }), 'not_found'],
    ];
    it.each(refusals)('%s', async (_what, payload, code) => {
      const before = t.fingerprint();
      expect(await ask(priya, 'conversation:start', payload())).toMatchObject({ ok: false, error: { code } });
      expect(t.fingerprint()).toEqual(before);
    });

    it('answers a client that does not exist and a location of someone else\'s alike', async () => {
      const unknown = await ask(priya, 'conversation:start', start({ clientId: 987_654 }));
      const elsewhere = await ask(priya, 'conversation:start', start({ locationId: t.demo.locations.shoreditch }));
      expect(unknown).toEqual(elsewhere);
    });

    it('while Client Connect is off (R2), and every request of starting one', async () => {
      const settings = t.repos.workspace.settings();
      t.repos.workspace.saveSettings({ ...settings, enabled: false });
      const before = t.fingerprint();
      for (const [event, payload] of [
        ['conversation:start', start()],
        ['client:find', { query: 'Grace' }],
        ['conversation:start-options', { clientId: t.demo.clients.grace }],
      ] as const) {
        expect(await ask(priya, event, payload), event).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
      }
      expect(t.fingerprint()).toEqual(before);
    });

    it('reusing a sender message id for another client or text (conflict)', async () => {
      const payload = start();
      data(await ask(priya, 'conversation:start', payload));
      const before = t.fingerprint();
      expect(await ask(priya, 'conversation:start', { ...payload, text: 'Edited' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await ask(priya, 'conversation:start', { ...payload, clientId: t.demo.clients.noah })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(t.fingerprint()).toEqual(before);
    });
  });
});
