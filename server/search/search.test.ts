// search:query against a real server: matches in message text and client names, newest first,
// only from the member's locations, with FTS syntax in the input never an error.
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFtsQuery } from './ftsQuery';
import { searchIndexFileOf } from './searchIndex';
import { SEARCH_INDEX_STEP } from './searchIndexer';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let priya: Socket; // Soho only
let owner: Socket; // both locations
let sohoIds: number[];
let shoreditchId: number;

/** A fresh server for each test: what one test sends or adds must not change what the next
 * one finds. */
function withFreshServer() {
  beforeEach(async () => {
    t = await startTestServer();
    priya = await t.connectStaff('priya');
    owner = await t.connectStaff('owner');
    const send = async (conversationId: number, text: string) =>
      data(await ask(owner, 'message:send', { conversationId, senderMessageId: randomUUID(), text })).id;
    const ava = t.demo.conversations.ava!;
    sohoIds = [];
    for (const text of ['Your toner arrives Tuesday', 'The toner is in stock', 'See you at the café tomorrow']) {
      sohoIds.push(await send(ava, text));
    }
    shoreditchId = await send(t.demo.conversations.mia!, 'Toner for Shoreditch only');
  });
  afterEach(() => t.close());
}

const search = async (socket: Socket, payload: Record<string, unknown>) => data(await ask(socket, 'search:query', payload));

describe('search:query', () => {
  withFreshServer();

  it('finds message text, newest first, and pages older matches by message id', async () => {
    const first = await search(owner, { query: 'toner', limit: 2 });
    expect(first.messages.map((hit) => hit.messageId)).toEqual([shoreditchId, sohoIds[1]]);
    expect(first.messages[1]).toMatchObject({ conversationId: t.demo.conversations.ava, client: { name: 'Ava Thompson' }, authorKind: 'staff', text: 'The toner is in stock' });
    expect(first.nextBeforeMessageId).toBe(sohoIds[1]);
    expect(first.olderMessagesIndexing).toBe(false);
    const older = await search(owner, { query: 'toner', limit: 2, beforeMessageId: first.nextBeforeMessageId });
    expect(older.messages.map((hit) => hit.messageId)).toEqual([sohoIds[0]]);
    expect(older.nextBeforeMessageId).toBeNull();
  });

  it('matches a prefix of the last word and ignores accents and case', async () => {
    expect((await search(owner, { query: 'TONE' })).messages.length).toBe(3);
    expect((await search(owner, { query: 'cafe' })).messages.map((hit) => hit.messageId)).toEqual([sohoIds[2]]);
    expect((await search(owner, { query: 'toner stock' })).messages.map((hit) => hit.messageId)).toEqual([sohoIds[1]]);
  });

  it('finds conversations by client name', async () => {
    const result = await search(owner, { query: 'thomp' });
    expect(result.clients).toEqual([
      expect.objectContaining({ conversationId: t.demo.conversations.ava, client: { id: t.demo.clients.ava, name: 'Ava Thompson' } }),
    ]);
  });

  it('never shows another location\'s messages or clients', async () => {
    const result = await search(priya, { query: 'toner' });
    expect(result.messages.map((hit) => hit.messageId)).toEqual([sohoIds[1], sohoIds[0]]);
    expect(result.messages.every((hit) => hit.location.id === t.demo.locations.soho)).toBe(true);
    expect((await search(priya, { query: 'Mia Patel' })).clients).toEqual([]);
    expect((await search(owner, { query: 'Mia Patel' })).clients).toHaveLength(1);
    const refused = await ask(priya, 'search:query', { query: 'toner', locationId: t.demo.locations.shoreditch });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers FTS syntax and punctuation as plain words, never an error', async () => {
    for (const query of ['"', 'toner"', 'NEAR(toner', 'toner OR', '*', 'text:toner', '^toner', '-', '((', 'AND', "'; DROP TABLE messages; --"]) {
      const result = await ask(owner, 'search:query', { query });
      expect(result.ok, query).toBe(true);
    }
    expect((await search(owner, { query: 'NEAR(toner' })).messages).toEqual([]);
    expect((await search(owner, { query: '"toner"' })).messages.length).toBe(3);
    expect(await search(owner, { query: '!!!' })).toEqual({ clients: [], messages: [], nextBeforeMessageId: null, olderMessagesIndexing: false });
  });

  it('refuses a bad payload and members without Access client chats', async () => {
    expect(await ask(owner, 'search:query', { query: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ask(owner, 'search:query', { query: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    t.addMember({ name: 'Nia Trainee', email: 'nia@lumen.example', groupId: t.demo.groups.trainees, locationIds: [t.demo.locations.soho] });
    const trainee = await t.connectStaff({ email: 'nia@lumen.example' });
    expect(await ask(trainee, 'search:query', { query: 'toner' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('search index catch-up', () => {
  withFreshServer();

  // Read from the index file itself, as another process would: what the worker has committed.
  const indexFile = () => new BetterSqlite3(searchIndexFileOf(t.db.name), { readonly: true });
  const indexedUpTo = () => {
    const index = indexFile();
    try {
      return (index.prepare('SELECT messages_indexed_up_to AS n FROM index_state').get() as { n: number }).n;
    } finally {
      index.close();
    }
  };

  it('indexes new messages shortly after they are stored, without waiting for a search', async () => {
    const id = data(await ask(owner, 'message:send', { conversationId: t.demo.conversations.ava!, senderMessageId: randomUUID(), text: 'Chignon on Saturday?' })).id;
    await expect.poll(indexedUpTo, { timeout: 5_000 }).toBeGreaterThanOrEqual(id);
    expect((await search(owner, { query: 'chignon' })).messages.map((hit) => hit.messageId)).toEqual([id]);
  });

  it('indexes a burst bigger than one step in several steps, still without a search', async () => {
    const before = indexedUpTo();
    const sends = Array.from({ length: SEARCH_INDEX_STEP * 2 + 5 }, (_, index) =>
      ask(owner, 'message:send', { conversationId: t.demo.conversations.ava!, senderMessageId: randomUUID(), text: `Pompadour ${index}` }));
    const ids = (await Promise.all(sends)).map((ack) => data(ack).id);
    const last = Math.max(...ids);
    expect(last - before).toBeGreaterThan(SEARCH_INDEX_STEP * 2);
    await expect.poll(indexedUpTo, { timeout: 5_000 }).toBeGreaterThanOrEqual(last);
    const index = indexFile();
    const indexed = index.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'pompadour'").get() as { n: number };
    index.close();
    expect(indexed.n).toBe(ids.length);
  });

  it('finds a message sent just before the search, whatever the indexer had done', async () => {
    const ids = await Promise.all(
      ['Quiff at noon', 'Quiff at one'].map(async (text) =>
        data(await ask(owner, 'message:send', { conversationId: t.demo.conversations.ava!, senderMessageId: randomUUID(), text })).id),
    );
    expect((await search(owner, { query: 'quiff' })).messages.map((hit) => hit.messageId)).toEqual([...ids].reverse());
  });
});

describe('toFtsQuery', () => {
  it('quotes each word and lets the last be a prefix', () => {
    expect(toFtsQuery('see you "soon"')).toBe('"see" "you" "soon"*');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('a:b*c')).toBe('"a" "b" "c"*');
  });
});
