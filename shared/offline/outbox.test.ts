// The outbox's rules, over an in-memory store standing in for the preference cache.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { createInProcessLocks } from './inProcessLocks';
import { createOutbox, type OutboxEntry, type OutboxStorage } from './outbox';

type Payload = { text: string };
let ids = 0;
/** Distinct, valid v4-shaped UUIDs (shared/ sees neither node nor the DOM's crypto). */
const randomUUID = () => `00000000-0000-4000-8000-${(ids += 1).toString(16).padStart(12, '0')}`;
const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const payloadSchema = z.object({ text: z.string() });

function memoryStorage(): OutboxStorage & { value: unknown } {
  const store = {
    value: undefined as unknown,
    load: async () => clone(store.value),
    save: async (entries: unknown) => {
      store.value = clone(entries);
    },
  };
  return store;
}

/** A fake server answering per text: stores each sender message id once, like the real one. */
function fakeServer(refuse: (text: string) => Result<never> | null = () => null) {
  const stored = new Map<string, string>();
  const attempts: string[] = [];
  let offline = false;
  return {
    stored,
    attempts,
    setOffline: (value: boolean) => void (offline = value),
    async send(entry: OutboxEntry<Payload>): Promise<Result<string>> {
      attempts.push(entry.payload.text);
      if (offline) return err('unavailable', 'The server did not answer.');
      const refused = refuse(entry.payload.text);
      if (refused) return refused;
      if (!stored.has(entry.senderMessageId)) stored.set(entry.senderMessageId, entry.payload.text);
      return ok(entry.payload.text);
    },
  };
}

const outboxOver = (storage: OutboxStorage, server: ReturnType<typeof fakeServer>, withLock = createInProcessLocks()) =>
  createOutbox<Payload, string>({ storage, payloadSchema, send: (entry) => server.send(entry), lockName: 'outbox:m1', withLock });

const write = (outbox: ReturnType<typeof outboxOver>, queue: string, text: string) =>
  outbox.enqueue({ senderMessageId: randomUUID(), queue, payload: { text } });

describe('outbox', () => {
  it('keeps messages written offline, survives a restart, and sends them in order once back', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    server.setOffline(true);
    const before = outboxOver(storage, server);
    await write(before, 'c1', 'first');
    await write(before, 'c1', 'second');
    expect(await before.flush()).toMatchObject({ delivered: 0, stoppedBy: { code: 'unavailable' } });

    // A renderer reload: a new outbox over the same store.
    const after = outboxOver(storage, server);
    await after.refresh();
    expect(after.snapshot().entries.map((entry) => [entry.payload.text, entry.state])).toEqual([['first', 'pending'], ['second', 'pending']]);
    server.setOffline(false);
    const delivered: string[] = [];
    after.onDelivered((message) => delivered.push(message));
    expect(await after.flush()).toEqual({ delivered: 2, stoppedBy: null });
    expect(delivered).toEqual(['first', 'second']);
    expect([...server.stored.values()]).toEqual(['first', 'second']);
    expect(after.snapshot().entries).toEqual([]);
    expect(storage.value).toEqual([]);
  });

  it('marks a permanent refusal failed, holds back its conversation, and lets others through', async () => {
    const server = fakeServer((text) => (text === 'forbidden' ? err('forbidden', 'No.') : null));
    const outbox = outboxOver(memoryStorage(), server);
    await write(outbox, 'c1', 'forbidden');
    await write(outbox, 'c1', 'after it');
    await write(outbox, 'c2', 'elsewhere');
    expect(await outbox.flush()).toEqual({ delivered: 1, stoppedBy: null });
    expect(outbox.snapshot().entries.map((entry) => [entry.payload.text, entry.state, entry.error?.code ?? null])).toEqual([
      ['forbidden', 'failed', 'forbidden'],
      ['after it', 'pending', null],
    ]);

    // Discarding the failed one releases the conversation, in order.
    await outbox.discard(outbox.snapshot().entries[0]!.senderMessageId);
    await outbox.flush();
    expect([...server.stored.values()]).toEqual(['elsewhere', 'after it']);
  });

  it('sends a failed entry again on Retry, with the same sender message id', async () => {
    let allowed = false;
    const server = fakeServer(() => (allowed ? null : err('messaging_disabled', 'Off.')));
    const outbox = outboxOver(memoryStorage(), server);
    await write(outbox, 'c1', 'hello');
    await outbox.flush();
    const [failed] = outbox.snapshot().entries;
    expect(failed?.state).toBe('failed');
    allowed = true;
    await outbox.retry(failed!.senderMessageId);
    await outbox.flush();
    expect([...server.stored.entries()]).toEqual([[failed!.senderMessageId, 'hello']]);
  });

  it('lets two tabs over one store send each entry once between them', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const locks = createInProcessLocks();
    const tabA = outboxOver(storage, server, locks);
    const tabB = outboxOver(storage, server, locks);
    for (let index = 0; index < 20; index += 1) await write(index % 2 ? tabA : tabB, 'c1', `m${index}`);
    await Promise.all([tabA.flush(), tabB.flush(), tabA.flush()]);
    expect(server.attempts).toHaveLength(20);
    expect([...server.stored.values()]).toEqual(Array.from({ length: 20 }, (_, index) => `m${index}`));
  });

  it('drops an unreadable store rather than failing the app', async () => {
    const storage = memoryStorage();
    storage.value = [{ senderMessageId: 'not-a-uuid' }];
    const outbox = outboxOver(storage, fakeServer());
    await outbox.refresh();
    expect(outbox.snapshot().entries).toEqual([]);
  });

  it('keeps sending from memory when the store refuses to save, with the same retry and discard', async () => {
    const storage = memoryStorage();
    let full = true;
    const refusing: OutboxStorage = {
      load: storage.load,
      save: async (entries) => {
        if (full) throw new Error('QuotaExceededError');
        await storage.save(entries);
      },
    };
    const server = fakeServer((text) => (text === 'refused' ? err('forbidden', 'No.') : null));
    server.setOffline(true);
    const outbox = outboxOver(refusing, server);
    await write(outbox, 'c1', 'first');
    await write(outbox, 'c2', 'refused');
    expect(outbox.snapshot().entries.map((entry) => entry.payload.text)).toEqual(['first', 'refused']);
    expect(await outbox.flush()).toMatchObject({ delivered: 0, stoppedBy: { code: 'unavailable' } });

    server.setOffline(false);
    expect(await outbox.flush()).toMatchObject({ delivered: 1 });
    expect([...server.stored.values()]).toEqual(['first']);
    const [failed] = outbox.snapshot().entries;
    expect(failed).toMatchObject({ state: 'failed', payload: { text: 'refused' } });
    await outbox.retry(failed!.senderMessageId);
    expect(outbox.snapshot().entries[0]?.state).toBe('pending');
    await outbox.discard(failed!.senderMessageId);
    expect(outbox.snapshot().entries).toEqual([]);

    // Once the store takes writes again, what is held goes back into it.
    full = false;
    await write(outbox, 'c1', 'saved');
    expect((storage.value as { payload: Payload }[]).map((entry) => entry.payload.text)).toEqual(['saved']);
  });
});
