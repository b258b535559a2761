// The client page's outbox over localStorage: what a reload finds, what goes to the server, and
// a full storage, which the chat answers by sending from memory.
import { describe, expect, it, vi } from 'vitest';
import type { Attachment, Message } from '../../shared/domain';
import { err, ok, type Result } from '../../shared/result';
import { createMemoryStorage } from '../desktop/testDoubles';
import { createPrefsStore } from '../desktop/prefsStore';
import { clientOutboxKey, createClientOutbox } from './clientOutbox';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const photo: Attachment = { id: 41, name: 'fringe.jpg', contentType: 'image/jpeg', size: 1200 };

function recordingApi() {
  const sent: unknown[] = [];
  const api = {
    request: async (_name: 'message:send', payload: { senderMessageId: string; text: string }): Promise<Result<Message>> => {
      sent.push(payload);
      return ok({
        id: sent.length, conversationId: 5, senderMessageId: payload.senderMessageId, appointmentId: 12,
        author: { kind: 'client', clientId: 3, name: 'Ava' }, text: payload.text, attachments: [], createdAt: 1, readAt: null,
      });
    },
  };
  return { api: api as never, sent };
}

describe('client outbox', () => {
  it('keeps an offline message through a reload of the page and sends it once, from its appointment', async () => {
    const storage = createMemoryStorage();
    const { api, sent } = recordingApi();
    const offline = createClientOutbox({ api, store: createPrefsStore(storage), clientId: 3, isConnected: () => false });
    await offline.enqueue({ senderMessageId: uuid(1), queue: 'location:2', payload: { appointmentId: 12, locationId: 2, text: 'Running late', attachments: [photo] } });
    expect(await offline.flush()).toMatchObject({ delivered: 0, stoppedBy: { code: 'unavailable' } });

    const reloaded = createClientOutbox({ api, store: createPrefsStore(storage), clientId: 3, isConnected: () => true });
    await reloaded.refresh();
    expect(reloaded.snapshot().entries.map((entry) => entry.payload.text)).toEqual(['Running late']);
    await reloaded.flush();
    await reloaded.flush();
    expect(sent).toEqual([{ appointmentId: 12, senderMessageId: uuid(1), text: 'Running late', attachmentIds: [41] }]);
    expect(reloaded.snapshot().entries).toEqual([]);
    // Another client on the same device has an outbox of their own.
    const someoneElse = createClientOutbox({ api, store: createPrefsStore(storage), clientId: 4, isConnected: () => true });
    expect(clientOutboxKey(4)).not.toBe(clientOutboxKey(3));
    await someoneElse.refresh();
    expect(someoneElse.snapshot().entries).toEqual([]);
  });

  it('keeps the message in memory when the storage is full, and sends it from there', async () => {
    const full = { ...createMemoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const { api, sent } = recordingApi();
    const outbox = createClientOutbox({ api, store: createPrefsStore(full), clientId: 3, isConnected: () => true });
    await outbox.enqueue({ senderMessageId: uuid(2), queue: 'location:2', payload: { appointmentId: 12, locationId: 2, text: 'Hi', attachments: [] } });
    expect(outbox.snapshot().entries.map((entry) => entry.payload.text)).toEqual(['Hi']);
    expect(await outbox.flush()).toMatchObject({ delivered: 1 });
    expect(sent).toEqual([expect.objectContaining({ senderMessageId: uuid(2), text: 'Hi' })]);
    expect(outbox.snapshot().entries).toEqual([]);
  });

  it('sends a message refused for sending too fast again once the wait the server named is over', async () => {
    vi.useFakeTimers();
    try {
      const recording = recordingApi();
      const { sent } = recording;
      const api = recording.api as unknown as { request: (name: 'message:send', payload: { senderMessageId: string; text: string }) => Promise<Result<Message>> };
      let refuseNext = true;
      const limited = {
        request: (name: 'message:send', payload: { senderMessageId: string; text: string }) => {
          if (!refuseNext) return api.request(name, payload);
          refuseNext = false;
          return Promise.resolve(err('rate_limited', 'You are sending messages too quickly.', { retryAfterMs: 1_500 }));
        },
      };
      const outbox = createClientOutbox({ api: limited as never, store: createPrefsStore(createMemoryStorage()), clientId: 3, isConnected: () => true });
      await outbox.enqueue({ senderMessageId: uuid(7), queue: 'location:2', payload: { appointmentId: 12, locationId: 2, text: 'Hello again', attachments: [] } });
      expect(await outbox.flush()).toMatchObject({ delivered: 0, stoppedBy: { code: 'rate_limited' } });
      expect(outbox.snapshot().entries).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_500);
      expect(sent).toEqual([{ appointmentId: 12, senderMessageId: uuid(7), text: 'Hello again' }]);
      expect(outbox.snapshot().entries).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
