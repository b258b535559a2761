// The client side (R1–R6): starting a conversation from an appointment, live delivery both
// ways, typing and read state both ways, and the settings that gate them.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message } from '../../shared/domain';
import { ask, askClient, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let priya: Socket;
const defaults = { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true };

// A fresh server for each test: settings switched, conversations started and messages sent must
// not reach another test.
beforeEach(async () => {
  t = await startTestServer();
  priya = await t.connectStaff('priya');
});
afterEach(() => t.close());

const send = (socket: Socket, appointmentId: number, text = 'Hello from the client') =>
  askClient(socket, 'message:send', { appointmentId, senderMessageId: randomUUID(), text });
const setSettings = (changes: Partial<typeof defaults>) => t.repos.workspace.saveSettings({ ...defaults, ...changes });

describe('client:get', () => {
  it('lists appointments with whether each offers messaging, and conversations', async () => {
    const isla = await t.connectClient(t.demo.clients.isla);
    const result = data(await askClient(isla, 'client:get', {}));
    expect(result.client).toEqual({ id: t.demo.clients.isla, name: 'Isla Brown' });
    expect(result.workspaceName).toBe('Lumen Hair Studio');
    expect(result.appointments).toEqual([
      expect.objectContaining({ status: 'cancelled', canMessage: false, conversationId: t.demo.conversations.isla }),
    ]);
    expect(result.conversations).toEqual([
      { id: t.demo.conversations.isla, location: { id: t.demo.locations.soho, name: 'Lumen Soho' }, lastActivityAt: expect.any(Number), unreadCount: 1 },
    ]);

    const grace = data(await askClient(await t.connectClient(t.demo.clients.grace), 'client:get', {}));
    expect(grace.appointments).toEqual([expect.objectContaining({ status: 'confirmed', canMessage: true, conversationId: null })]);
    const leo = data(await askClient(await t.connectClient(t.demo.clients.leo), 'client:get', {}));
    expect(leo.appointments).toEqual([expect.objectContaining({ status: 'booked', canMessage: false })]);
  });

  it('offers no messaging while the contact button or Client Connect is off (R4, R2)', async () => {
    const grace = await t.connectClient(t.demo.clients.grace);
    for (const changes of [{ contactButton: false }, { enabled: false }]) {
      setSettings(changes);
      expect(data(await askClient(grace, 'client:get', {})).appointments[0]?.canMessage).toBe(false);
    }
  });

  it('says whether read receipts are allowed, so an open page can drop "Read" when they turn off (R5)', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    expect(data(await askClient(ava, 'client:get', {})).readReceipts).toBe(true);
    setSettings({ readReceipts: false });
    expect(data(await askClient(ava, 'client:get', {})).readReceipts).toBe(false);
  });
});

describe('starting a conversation from an appointment', () => {
  it('creates the conversation and delivers the message to staff at that location (R1)', async () => {
    const grace = await t.connectClient(t.demo.clients.grace);
    const appointmentId = t.demo.appointments.grace[0]!;
    const pushed = nextPush<{ message: Message; conversation: ConversationSummary }>(priya, 'message:created');
    const message = data(await send(grace, appointmentId, 'Can I bring my own conditioner?'));

    expect(message).toMatchObject({ author: { kind: 'client', clientId: t.demo.clients.grace, name: 'Grace Kim' }, appointmentId });
    const { conversation } = await pushed;
    expect(conversation).toMatchObject({ id: message.conversationId, status: 'open', client: { name: 'Grace Kim' } });
    // The push goes to the whole location alike; Priya's own unread count is hers to ask for.
    expect(data(await ask(priya, 'conversation:get', { conversationId: message.conversationId })).conversation.unreadCount).toBe(1);
    expect(conversation.appointment).toMatchObject({ id: appointmentId, service: 'Keratin treatment', staffName: 'Sofia Marin' });
    const after = data(await askClient(grace, 'client:get', {}));
    expect(after.appointments[0]?.conversationId).toBe(message.conversationId);
  });

  it('is not offered for an appointment that is only booked, not confirmed (R4)', async () => {
    const leo = await t.connectClient(t.demo.clients.leo);
    expect(await send(leo, t.demo.appointments.leo[0]!)).toMatchObject({ ok: false, error: { code: 'contact_not_offered' } });
    expect(data(await askClient(leo, 'client:get', {})).conversations).toEqual([]);
  });

  it('refuses to start one with the contact button off, but keeps existing ones open', async () => {
    setSettings({ contactButton: false });
    const mia = await t.connectClient(t.demo.clients.mia);
    expect((await send(mia, t.demo.appointments.mia[0]!)).ok).toBe(true);
    const isla = await t.connectClient(t.demo.clients.isla);
    expect((await send(isla, t.demo.appointments.isla[0]!)).ok).toBe(true); // cancelled, but the conversation exists
    const noah = t.repos.appointments.create({ clientId: t.demo.clients.noah, locationId: t.demo.locations.shoreditch, service: 'Trim', staffMemberId: null, startsAt: t.clock.now() + 1e6, status: 'confirmed' });
    expect(await send(await t.connectClient(t.demo.clients.noah), noah)).toMatchObject({ ok: false, error: { code: 'contact_not_offered' } });
  });

  it('refuses appointments more than a day in the past', async () => {
    const past = t.repos.appointments.create({ clientId: t.demo.clients.leo, locationId: t.demo.locations.soho, service: 'Trim', staffMemberId: null, startsAt: t.clock.now() - 2 * 86_400_000, status: 'confirmed' });
    expect(await send(await t.connectClient(t.demo.clients.leo), past)).toMatchObject({ ok: false, error: { code: 'contact_not_offered' } });
  });

  it('refuses everything while Client Connect is off (R2)', async () => {
    setSettings({ enabled: false });
    const ava = await t.connectClient(t.demo.clients.ava);
    expect(await send(ava, t.demo.appointments.ava[0]!)).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    expect(await askClient(ava, 'typing:update', { conversationId: t.demo.conversations.ava, typing: true })).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
  });

  it('keeps clients to their own appointments and conversations', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    expect(await send(ava, t.demo.appointments.mia[0]!)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const [event, payload] of [
      ['message:list', { conversationId: t.demo.conversations.mia }],
      ['conversation:read', { conversationId: t.demo.conversations.mia, upToMessageId: 1 }],
      ['typing:update', { conversationId: t.demo.conversations.mia, typing: true }],
    ] as const) {
      expect(await askClient(ava, event, payload), event).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('stores a retried client send once', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    const payload = { appointmentId: t.demo.appointments.ava[0], senderMessageId: randomUUID(), text: 'Once' };
    const first = data(await askClient(ava, 'message:send', payload));
    expect(data(await askClient(ava, 'message:send', payload))).toEqual(first);
    expect(await askClient(ava, 'message:send', { ...payload, text: 'Twice' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('live conversation', () => {
  it("answers a client's own send by its ack alone, and pushes it to the client's other connections", async () => {
    const phone = await t.connectClient(t.demo.clients.ava);
    const laptop = await t.connectClient(t.demo.clients.ava);
    const onPhone = recordPushes<{ message: Message }>(phone, 'message:created');
    const onLaptop = nextPush<{ message: Message }>(laptop, 'message:created');
    const sent = data(await send(phone, t.demo.appointments.ava[0]!, 'Sent from my phone'));
    expect((await onLaptop).message).toEqual(sent);
    await flush(phone, 'client');
    expect(onPhone).toEqual([]);
  });

  it('delivers messages, typing and read state both ways', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    const conversationId = t.demo.conversations.ava!;

    // Staff reply reaches the client.
    const toClient = nextPush<{ message: Message }>(ava, 'message:created');
    const reply = data(await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'See you tomorrow' }));
    expect((await toClient).message.id).toBe(reply.id);

    // Typing, both ways.
    const clientSeesTyping = nextPush(ava, 'typing:updated');
    data(await ask(priya, 'typing:update', { conversationId, typing: true }));
    expect(await clientSeesTyping).toEqual({ conversationId, typing: true });
    const staffSeesTyping = nextPush(priya, 'typing:updated');
    data(await askClient(ava, 'typing:update', { conversationId, typing: true }));
    expect(await staffSeesTyping).toEqual({ conversationId, typing: true, name: 'Ava Thompson' });

    // The client reads the reply: staff learn it.
    const staffSeesRead = nextPush(priya, 'conversation:read');
    t.clock.advance(1000);
    data(await askClient(ava, 'conversation:read', { conversationId, upToMessageId: reply.id }));
    expect(await staffSeesRead).toEqual({ conversationId, reader: 'client', upToMessageId: reply.id, readAt: t.clock.now() });

    // The client writes; the business reads it: the client gets a read receipt (R5).
    const sent = data(await send(ava, t.demo.appointments.ava[0]!, 'Great, thanks!'));
    const receipt = nextPush(ava, 'conversation:read');
    const staffRead = nextPush(priya, 'conversation:read');
    const readAt = data(await ask(priya, 'conversation:read', { conversationId, upToMessageId: sent.id })).readAt;
    expect(await receipt).toEqual({ conversationId, upToMessageId: sent.id, readAt });
    expect(await staffRead).toEqual({ conversationId, reader: 'business', upToMessageId: sent.id, readAt });
    const history = data(await askClient(ava, 'message:list', { conversationId })).items;
    expect(history.find((message) => message.id === sent.id)?.readAt).toBe(readAt);
    expect(data(await askClient(ava, 'client:get', {})).conversations.find((c) => c.id === conversationId)?.unreadCount).toBe(0);
  });

  it('sends clients no typing while the indicator is off (R6) and no read state without receipts (R5)', async () => {
    setSettings({ typingIndicator: false, readReceipts: false });
    const ava = await t.connectClient(t.demo.clients.ava);
    const conversationId = t.demo.conversations.ava!;
    const typing = recordPushes(ava, 'typing:updated');
    const reads = recordPushes(ava, 'conversation:read');

    data(await ask(priya, 'typing:update', { conversationId, typing: true }));
    const sent = data(await send(ava, t.demo.appointments.ava[0]!, 'Are you there?'));
    data(await ask(priya, 'conversation:read', { conversationId, upToMessageId: sent.id }));
    await flush(ava, 'client');

    expect(typing).toEqual([]);
    expect(reads).toEqual([]);
    const history = data(await askClient(ava, 'message:list', { conversationId, limit: 100 })).items;
    expect(history.filter((message) => message.author.kind === 'client').every((message) => message.readAt === null)).toBe(true);
  });
});

describe('a conversation the salon started where the client has no appointment', () => {
  it('is on the client page, and the client answers in it by its id; only their own, one way at a time', async () => {
    // Marcus writes to Grace at Shoreditch, where she has no appointment.
    const marcus = await t.connectStaff('marcus');
    const started = data(
      await ask(marcus, 'conversation:start', {
        clientId: t.demo.clients.grace,
        locationId: t.demo.locations.shoreditch,
        senderMessageId: randomUUID(),
        text: 'Hi Grace, we have a late opening at Shoreditch on Thursday.',
      }),
    );
    const grace = await t.connectClient(t.demo.clients.grace);
    const page = data(await askClient(grace, 'client:get', {}));
    expect(page.appointments.map((appointment) => appointment.location.name)).toEqual(['Lumen Soho']);
    expect(page.conversations).toEqual([expect.objectContaining({ id: started.conversationId, location: { id: t.demo.locations.shoreditch, name: 'Lumen Shoreditch' } })]);

    const toStaff = nextPush<{ message: Message }>(marcus, 'message:created');
    const payload = { conversationId: started.conversationId, senderMessageId: randomUUID(), text: 'Thursday works, thank you!' };
    const answer = data(await askClient(grace, 'message:send', payload));
    expect(answer).toMatchObject({ conversationId: started.conversationId, appointmentId: null, text: 'Thursday works, thank you!' });
    expect((await toStaff).message.id).toBe(answer.id);
    expect(data(await askClient(grace, 'message:send', payload))).toEqual(answer); // a resend: stored once

    // Someone else's conversation, or both ways or neither at once: refused, nothing stored.
    const ava = await t.connectClient(t.demo.clients.ava);
    const before = t.fingerprint();
    expect(await askClient(ava, 'message:send', { ...payload, senderMessageId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const appointmentId = t.demo.appointments.grace[0]!;
    const both = { conversationId: started.conversationId, appointmentId, senderMessageId: randomUUID(), text: 'Both' };
    expect(await askClient(grace, 'message:send', both)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await askClient(grace, 'message:send', { senderMessageId: randomUUID(), text: 'Neither' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });
});
