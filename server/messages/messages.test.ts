// Staff sending: stored once per sender message id, broadcast once, refused while off (R2).
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message } from '../../shared/domain';
import { ask, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let priya: Socket;
let marcus: Socket;
let ava: Socket;
let conversationId: number;

// A fresh server for each test: messages sent, settings switched and the clock moved on must not
// reach another test.
beforeEach(async () => {
  t = await startTestServer();
  priya = await t.connectStaff('priya');
  marcus = await t.connectStaff('marcus');
  ava = await t.connectClient(t.demo.clients.ava);
  conversationId = t.demo.conversations.ava!;
});
afterEach(() => t.close());

const historyLength = async () => data(await ask(priya, 'message:list', { conversationId, limit: 100 })).items.length;

describe('message:send (staff)', () => {
  it('stores the reply and pushes it to the location and to the client', async () => {
    const toColleague = nextPush<{ message: Message; conversation: ConversationSummary }>(marcus, 'message:created');
    const toClient = nextPush<{ message: Message }>(ava, 'message:created');
    t.clock.advance(1000);
    const message = data(await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: '  Yes, Sofia can do that!  ' }));

    expect(message).toMatchObject({
      conversationId,
      author: { kind: 'staff', memberId: t.demo.members.priya, name: 'Priya Shah' },
      appointmentId: null,
      text: 'Yes, Sofia can do that!',
      createdAt: t.clock.now(),
      readAt: null,
    });
    const pushed = await toColleague;
    expect(pushed.message).toEqual(message);
    expect(pushed.conversation).toMatchObject({
      id: conversationId,
      client: { id: t.demo.clients.ava, name: 'Ava Thompson' },
      location: { id: t.demo.locations.soho, name: 'Lumen Soho' },
      lastMessage: { text: 'Yes, Sofia can do that!', authorKind: 'staff', createdAt: t.clock.now() },
      lastActivityAt: t.clock.now(),
      status: 'open',
    });
    // Each member keeps their own unread count: a push to the whole location carries none.
    expect(pushed.conversation).not.toHaveProperty('unreadCount');
    expect(pushed.conversation.appointment?.id).toBe(t.demo.appointments.ava[0]);
    expect((await toClient).message).toEqual(message);
  });

  it('stores a retried send once, answers it with the stored message and broadcasts it once', async () => {
    const colleaguePushes = recordPushes(marcus, 'message:created');
    const clientPushes = recordPushes(ava, 'message:created');
    const before = await historyLength();
    const payload = { conversationId, senderMessageId: randomUUID(), text: 'Sent while reconnecting' };

    const first = data(await ask(priya, 'message:send', payload));
    t.clock.advance(5000);
    const retry = data(await ask(priya, 'message:send', payload));
    const retryFromAnotherDevice = data(await ask(await t.connectStaff('priya'), 'message:send', payload));

    expect(retry).toEqual(first);
    expect(retryFromAnotherDevice).toEqual(first);
    expect(await historyLength()).toBe(before + 1);
    await Promise.all([flush(marcus), flush(ava, 'client')]);
    expect(colleaguePushes).toHaveLength(1);
    expect(clientPushes).toHaveLength(1);
    marcus.off('message:created');
    ava.off('message:created');
  });

  it('refuses to reuse a sender message id for different content with conflict', async () => {
    const senderMessageId = randomUUID();
    data(await ask(priya, 'message:send', { conversationId, senderMessageId, text: 'Original' }));
    const before = await historyLength();

    const differentText = await ask(priya, 'message:send', { conversationId, senderMessageId, text: 'Edited' });
    expect(differentText).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const differentConversation = await ask(priya, 'message:send', { conversationId: t.demo.conversations.noah!, senderMessageId, text: 'Original' });
    expect(differentConversation).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await historyLength()).toBe(before);
  });

  it('scopes sender message ids per sender, so two members never collide', async () => {
    const senderMessageId = randomUUID();
    const fromPriya = data(await ask(priya, 'message:send', { conversationId, senderMessageId, text: 'Same id' }));
    const fromMarcus = data(await ask(marcus, 'message:send', { conversationId, senderMessageId, text: 'Same id' }));
    expect(fromMarcus.id).not.toBe(fromPriya.id);
  });

  it('refuses to send while Client Connect is off and keeps the history untouched (R2)', async () => {
    const history = data(await ask(priya, 'message:list', { conversationId, limit: 100 })).items;
    const settings = t.repos.workspace.settings();
    t.repos.workspace.saveSettings({ ...settings, enabled: false });

    const refused = await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'Hello?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    expect(await ask(priya, 'typing:update', { conversationId, typing: true })).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });

    t.repos.workspace.saveSettings(settings);
    expect(data(await ask(priya, 'message:list', { conversationId, limit: 100 })).items).toEqual(history);
    expect((await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'Back on' })).ok).toBe(true);
  });

  it('answers a retry of a message stored before messaging was turned off', async () => {
    const payload = { conversationId, senderMessageId: randomUUID(), text: 'Stored just in time' };
    const stored = data(await ask(priya, 'message:send', payload));
    const settings = t.repos.workspace.settings();
    t.repos.workspace.saveSettings({ ...settings, enabled: false });
    expect(data(await ask(priya, 'message:send', payload))).toEqual(stored);
    t.repos.workspace.saveSettings(settings);
  });
});
