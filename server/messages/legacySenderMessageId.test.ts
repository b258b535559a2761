// The rename of clientMessageId to senderMessageId, for one release: a message:send or
// conversation:start of an app of the previous release (the old name) is accepted and stored
// under the new one, and an outbox that app stored before it was upgraded is still sent, each
// message once, even the one the old app had already sent before its ack was lost.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attachmentSchema, idSchema, type Message } from '../../shared/domain';
import { createOutbox, type OutboxStorage } from '../../shared/offline/outbox';
import { ask, askClient, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let priya: Socket;
let conversationId: number;

// A fresh server for each test: each counts the messages stored under its ids.
beforeEach(async () => {
  t = await startTestServer();
  priya = await t.connectStaff('priya');
  conversationId = t.demo.conversations.ava!;
});
afterEach(() => t.close());

const storedWithId = (senderMessageId: string) =>
  t.db.prepare('SELECT id, text FROM messages WHERE sender_message_id = ?').all(senderMessageId) as { id: number; text: string }[];

describe('the old name on the wire', () => {
  it('accepts a staff message:send naming its id clientMessageId, and a resend under either name is the same message', async () => {
    const id = randomUUID();
    const old = data(await ask(priya, 'message:send', { conversationId, clientMessageId: id, text: 'Sent by last release' }));
    expect(old.senderMessageId).toBe(id);
    expect(data(await ask(priya, 'message:send', { conversationId, senderMessageId: id, text: 'Sent by last release' }))).toEqual(old);
    expect(data(await ask(priya, 'message:send', { conversationId, clientMessageId: id, text: 'Sent by last release' }))).toEqual(old);
    expect(storedWithId(id)).toEqual([{ id: old.id, text: 'Sent by last release' }]);
  });

  it('accepts the old name from a client and on conversation:start', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    const fromClient = randomUUID();
    const clientMessage = data(await askClient(ava, 'message:send', { appointmentId: t.demo.appointments.ava[0]!, clientMessageId: fromClient, text: 'Running late' }));
    expect(clientMessage.senderMessageId).toBe(fromClient);
    const started = randomUUID();
    const owner = await t.connectStaff('owner');
    const start = { clientId: t.demo.clients.grace, locationId: t.demo.locations.soho, clientMessageId: started, text: 'Welcome, Grace' };
    const first = data(await ask(owner, 'conversation:start', start));
    expect(first.message.senderMessageId).toBe(started);
    expect(data(await ask(owner, 'conversation:start', start)).message).toEqual(first.message);
    expect(storedWithId(fromClient)).toHaveLength(1);
    expect(storedWithId(started)).toHaveLength(1);
  });

  it('takes the new name when both are given, and still refuses a payload with neither or a bad id, changing nothing', async () => {
    const [kept, ignored] = [randomUUID(), randomUUID()];
    const message = data(await ask(priya, 'message:send', { conversationId, senderMessageId: kept, clientMessageId: ignored, text: 'Both' }));
    expect(message.senderMessageId).toBe(kept);
    const before = t.fingerprint();
    for (const payload of [{ conversationId, text: 'Neither' }, { conversationId, clientMessageId: 'not-a-uuid', text: 'Bad' }]) {
      expect(await ask(priya, 'message:send', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('an outbox stored by the previous release', () => {
  // A staff reply as the desktop app stores it (its outbox payload has no id of its own).
  const replyPayloadSchema = z.object({ conversationId: idSchema, text: z.string(), attachments: z.array(attachmentSchema) });
  type ReplyPayload = z.infer<typeof replyPayloadSchema>;

  /** Storage that hands back a deserialized copy, as the preference cache's file does after a restart. */
  function storageHolding(entries: unknown): OutboxStorage & { saved: () => unknown } {
    let json = JSON.stringify(entries);
    return { load: async () => JSON.parse(json) as unknown, save: async (next) => void (json = JSON.stringify(next)), saved: () => JSON.parse(json) as unknown };
  }

  it('sends each entry once after the upgrade, including one the old app sent whose ack it never got', async () => {
    const [alreadySent, neverSent] = [randomUUID(), randomUUID()];
    // Before the upgrade, the old app's first send reached the server (old wire name), then it closed.
    const storedBefore = data(await ask(priya, 'message:send', { conversationId, clientMessageId: alreadySent, text: 'See you at ten' }));
    const oldEntry = (id: string, text: string, createdAt: number) => ({
      clientMessageId: id, queue: String(conversationId), payload: { conversationId, text, attachments: [] }, createdAt, state: 'pending', error: null,
    });
    const storage = storageHolding([oldEntry(alreadySent, 'See you at ten', 1), oldEntry(neverSent, 'Bring the swatch', 2)]);

    const sent: string[] = [];
    const outbox = createOutbox<ReplyPayload, Message>({
      storage,
      payloadSchema: replyPayloadSchema,
      lockName: 'legacy-outbox',
      // As the staff outbox sends a reply: the entry's id under the name of this release.
      send: async (entry) => {
        sent.push(entry.senderMessageId);
        return ask(priya, 'message:send', { conversationId: entry.payload.conversationId, senderMessageId: entry.senderMessageId, text: entry.payload.text });
      },
    });
    const delivered: Message[] = [];
    outbox.onDelivered((message) => delivered.push(message));

    await outbox.refresh();
    expect(outbox.snapshot().entries.map((entry) => [entry.senderMessageId, entry.state])).toEqual([[alreadySent, 'pending'], [neverSent, 'pending']]);
    expect(await outbox.flush()).toEqual({ delivered: 2, stoppedBy: null });
    expect(await outbox.flush()).toEqual({ delivered: 0, stoppedBy: null });

    expect(sent).toEqual([alreadySent, neverSent]);
    expect(delivered[0]).toEqual(storedBefore);
    expect(storedWithId(alreadySent)).toEqual([{ id: storedBefore.id, text: 'See you at ten' }]);
    expect(storedWithId(neverSent)).toEqual([{ id: delivered[1]!.id, text: 'Bring the swatch' }]);
    expect(storage.saved()).toEqual([]);
  });
});
