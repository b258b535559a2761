// Keyset paging of the inbox list and of a conversation's history, including while new
// messages arrive between pages.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain';
import { ask, askClient, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let owner: Socket;

// A fresh server for each test: messages sent and the clock moved on must not reach another test.
beforeEach(async () => {
  t = await startTestServer();
  owner = await t.connectStaff('owner');
});
afterEach(() => t.close());

async function allPages(payload: Record<string, unknown>, limit: number): Promise<ConversationSummary[][]> {
  const pages: ConversationSummary[][] = [];
  let cursor: string | undefined;
  do {
    const page = data(await ask(owner, 'conversation:list', { ...payload, limit, ...(cursor ? { cursor } : {}) }));
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

const isNewestFirst = (items: ConversationSummary[]) =>
  items.every((item, index) => {
    const previous = items[index - 1];
    return !previous || previous.lastActivityAt > item.lastActivityAt || (previous.lastActivityAt === item.lastActivityAt && previous.id > item.id);
  });

describe('conversation:list', () => {
  it('pages through every conversation newest first, without gaps or repeats', async () => {
    const everything = data(await ask(owner, 'conversation:list', {})).items;
    expect(everything).toHaveLength(6);
    expect(isNewestFirst(everything)).toBe(true);
    const pages = await allPages({}, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2]);
    expect(pages.flat()).toEqual(everything);
  });

  it('keeps its cursor stable while a conversation further down gets a new message', async () => {
    const first = data(await ask(owner, 'conversation:list', { limit: 2 }));
    const rest = data(await ask(owner, 'conversation:list', { limit: 100, cursor: first.nextCursor }));
    const bumped = rest.items[rest.items.length - 1]!;
    t.clock.advance(60_000);
    data(await ask(owner, 'message:send', { conversationId: bumped.id, senderMessageId: randomUUID(), text: 'Bump' }));

    const second = data(await ask(owner, 'conversation:list', { limit: 100, cursor: first.nextCursor }));
    const firstIds = first.items.map((item) => item.id);
    expect(second.items.some((item) => firstIds.includes(item.id))).toBe(false);
    expect(second.items.map((item) => item.id)).toEqual(rest.items.slice(0, -1).map((item) => item.id));
    // A fresh first page shows the bumped conversation on top.
    expect(data(await ask(owner, 'conversation:list', { limit: 1 })).items[0]!.id).toBe(bumped.id);
  });

  it('filters by location and by unread', async () => {
    const soho = data(await ask(owner, 'conversation:list', { locationId: t.demo.locations.soho })).items;
    expect(soho.map((item) => item.client.name).sort()).toEqual(['Ava Thompson', 'Isla Brown', 'Noah Williams']);
    const unread = data(await ask(owner, 'conversation:list', { unreadOnly: true })).items;
    expect(unread.map((item) => [item.client.name, item.unreadCount]).sort()).toEqual([
      ['Ava Thompson', 2], ['Mia Patel', 1], ['Noah Williams', 1], ['Oscar Davies', 1],
    ]);
    const unreadPages = await allPages({ unreadOnly: true, locationId: t.demo.locations.shoreditch }, 1);
    expect(unreadPages.flat().map((item) => item.client.name).sort()).toEqual(['Mia Patel', 'Oscar Davies']);
  });

  it('refuses a cursor it did not make', async () => {
    for (const cursor of ['garbage', Buffer.from('1:x').toString('base64url')]) {
      expect(await ask(owner, 'conversation:list', { cursor })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });
});

describe('message:list', () => {
  it('pages the long thread newest page first, each page oldest first', async () => {
    const conversationId = t.demo.conversations.noah!;
    const pages: number[][] = [];
    let beforeId: number | undefined;
    let hasMore = true;
    while (hasMore) {
      const page = data(await ask(owner, 'message:list', { conversationId, limit: 50, ...(beforeId ? { beforeId } : {}) }));
      pages.push(page.items.map((message) => message.id));
      hasMore = page.hasMore;
      beforeId = page.items[0]?.id;
      if (pages.length === 2) {
        // A new message arriving mid-way does not disturb older pages.
        const noah = await t.connectClient(t.demo.clients.noah);
        data(await askClient(noah, 'message:send', { appointmentId: t.demo.appointments.noah[0], senderMessageId: randomUUID(), text: 'New' }));
      }
    }
    expect(pages.map((page) => page.length)).toEqual([50, 50, 50, 10]);
    const ids = pages.reverse().flat();
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(160);
    const latest = data(await ask(owner, 'message:list', { conversationId, limit: 1 }));
    expect(latest.items[0]!.text).toBe('New');
    expect(latest.hasMore).toBe(true);
  });
});
