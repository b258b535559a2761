// Opening a conversation at a message (a search match): the page around it, then newer pages
// after it until the newest, keyset-paged along messages_by_conversation like older pages.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let priya: Socket;
let conversationId: number;
/** Every message id of the conversation, oldest first. */
let ids: number[];

// One server for the file: the tests only read pages of the thread built here, and the one
// refusal changes nothing.
beforeAll(async () => {
  t = await startTestServer();
  priya = await t.connectStaff('priya');
  conversationId = t.demo.conversations.ava!;
  for (let index = 0; index < 30; index += 1) {
    data(await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: `Note ${index}` }));
  }
  const all = data(await ask(priya, 'message:list', { conversationId, limit: 100 }));
  expect(all.hasMore).toBe(false);
  ids = all.items.map((message) => message.id);
});
afterAll(() => t.close());

const page = (payload: Record<string, unknown>) => ask(priya, 'message:list', { conversationId, ...payload });

describe('message:list around and after a message', () => {
  it('answers the message with the ones just before and after it, saying more exist both ways', async () => {
    const anchor = ids[15]!;
    const around = data(await page({ aroundId: anchor, limit: 6 }));
    expect(around.items.map((message) => message.id)).toEqual(ids.slice(13, 19));
    expect(around).toMatchObject({ hasMore: true, hasNewer: true });
  });

  it('pages newer messages after it until the newest, where hasNewer turns false', async () => {
    const seen: number[] = [];
    let after = ids[15]!;
    for (;;) {
      const next = data(await page({ afterId: after, limit: 5 }));
      seen.push(...next.items.map((message) => message.id));
      if (!next.hasNewer) break;
      after = next.items.at(-1)!.id;
    }
    expect(seen).toEqual(ids.slice(16));
  });

  it('says there is nothing newer or older at either end of the history', async () => {
    expect(data(await page({ aroundId: ids.at(-1), limit: 4 }))).toMatchObject({ hasNewer: false, hasMore: true });
    const first = data(await page({ aroundId: ids[0], limit: 4 }));
    expect(first).toMatchObject({ hasMore: false, hasNewer: true });
    expect(first.items.map((message) => message.id)).toEqual(ids.slice(0, 3));
    expect(data(await page({ aroundId: ids[5], limit: 1 }))).toMatchObject({ items: [{ id: ids[5] }], hasNewer: true });
  });

  it('refuses a message of another conversation, and asking for two kinds of page at once', async () => {
    const elsewhere = data(await ask(priya, 'message:list', { conversationId: t.demo.conversations.noah! })).items[0]!.id;
    expect(await page({ aroundId: elsewhere })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await page({ aroundId: ids[3], beforeId: ids[9] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
