// Group commit: sends of one event-loop turn share one transaction, each is answered only once
// it is committed, a failing send fails alone, order and idempotency hold through a real server.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import { closeDatabase, openDatabase } from '../db/open';
import { ask, askClient, data, flush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';
import { createGroupCommit, type Transact } from './groupCommit';

describe('createGroupCommit', () => {
  let dir: string;
  let db: Database;
  let reader: Database;
  let commits: number;
  let savepoints: number;
  let transact: Transact;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-group-commit-'));
    db = openDatabase(join(dir, 'db.sqlite3'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE) STRICT');
    reader = new BetterSqlite3(join(dir, 'db.sqlite3'), { readonly: true });
    commits = 0;
    savepoints = 0;
    transact = <T>(work: () => T): T => {
      if (db.inTransaction) {
        savepoints += 1;
        return db.transaction(work)();
      }
      const value = db.transaction(work).immediate();
      commits += 1;
      return value;
    };
  });
  afterEach(() => {
    reader.close();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (text: string) => () => Number(db.prepare('INSERT INTO notes (text) VALUES (?)').run(text).lastInsertRowid);
  const committed = () => (reader.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((row) => row.text);

  it('writes the work of one turn in one transaction, in arrival order, and settles after the commit', async () => {
    const writes = createGroupCommit(transact);
    const seenOnSettle: string[][] = [];
    const pending = ['a', 'b', 'c', 'd'].map((text) => writes.run(insert(text)).then((id) => (seenOnSettle.push(committed()), id)));
    expect(committed()).toEqual([]);
    expect(await Promise.all(pending)).toEqual([1, 2, 3, 4]);
    expect(commits).toBe(1);
    expect(savepoints).toBe(0);
    // Every caller heard back only when all four were visible to another connection.
    for (const seen of seenOnSettle) expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back a failing piece of work alone and commits the rest of its batch', async () => {
    const writes = createGroupCommit(transact);
    const results = await Promise.allSettled([
      writes.run(insert('x')),
      writes.run(() => {
        insert('half-done')();
        throw new Error('refused');
      }),
      writes.run(insert('x')), // UNIQUE violation
      writes.run(insert('y')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['x', 'y']);
    expect(commits).toBe(1);
    // The batch was tried whole, rolled back, then run again with each piece in a savepoint.
    expect(savepoints).toBe(4);
    expect(await Promise.all([writes.run(insert('z'))])).toEqual([expect.any(Number)]);
    expect(savepoints).toBe(4);
  });

  it('splits a large burst into bounded batches and a later turn into its own', async () => {
    const writes = createGroupCommit(transact, { maxBatch: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, index) => writes.run(insert(`n${index}`))));
    expect(commits).toBe(3);
    await writes.run(insert('later'));
    expect(commits).toBe(4);
    expect(committed()).toHaveLength(26);
  });

  it('tells whoever asked after each committed batch', async () => {
    let committedBatches = 0;
    const writes = createGroupCommit(transact, { onCommitted: () => (committedBatches += 1) });
    await Promise.all([writes.run(insert('r')), writes.run(insert('s'))]);
    expect(committedBatches).toBe(1);
  });

  it('fails every caller of a batch whose commit fails', async () => {
    const failingCommit: Transact = <T>(work: () => T): T => {
      if (db.inTransaction) return db.transaction(work)();
      db.transaction(work).immediate();
      throw new Error('disk full');
    };
    const writes = createGroupCommit(failingCommit);
    const results = await Promise.allSettled([writes.run(insert('p')), writes.run(insert('q'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('message:send through group commit', () => {
  let t: TestServer;
  let priya: Socket;
  let marcus: Socket;
  let ava: Socket;
  let conversationId: number;

  // A fresh server for each test: what one test stores must not reach another's counts.
  beforeEach(async () => {
    t = await startTestServer();
    priya = await t.connectStaff('priya');
    marcus = await t.connectStaff('marcus');
    ava = await t.connectClient(t.demo.clients.ava);
    conversationId = t.demo.conversations.ava!;
  });
  afterEach(() => t.close());

  const rowsWithId = (senderMessageId: string) =>
    (t.db.prepare('SELECT count(*) AS n FROM messages WHERE sender_message_id = ?').get(senderMessageId) as { n: number }).n;

  it('stores a burst of sends from several senders in order, each acked with its stored message', async () => {
    const texts = Array.from({ length: 40 }, (_, index) => `burst ${index}`);
    const acks = await Promise.all(
      texts.map((text, index) =>
        ask(index % 2 === 0 ? priya : marcus, 'message:send', { conversationId, senderMessageId: randomUUID(), text }),
      ),
    );
    const stored = acks.map((ack) => data(ack));
    expect(stored.map((message) => message.text)).toEqual(texts);
    const page = data(await ask(priya, 'message:list', { conversationId, limit: 40 })).items;
    // Each sender's messages keep the order they were sent in.
    for (const sender of [t.demo.members.priya, t.demo.members.marcus]) {
      const mine = page.filter((message) => message.author.kind === 'staff' && message.author.memberId === sender);
      expect(mine.map((message) => message.text)).toEqual(texts.filter((_, index) => (index % 2 === 0) === (sender === t.demo.members.priya)));
    }
  });

  it('stores two copies of one sender message id sent together once, and pushes it once', async () => {
    const pushes = recordPushes<{ message: Message }>(ava, 'message:created');
    const payload = { conversationId, senderMessageId: randomUUID(), text: 'Sent twice at once' };
    const [first, second] = await Promise.all([ask(priya, 'message:send', payload), ask(priya, 'message:send', payload)]);
    expect(data(second)).toEqual(data(first));
    expect(rowsWithId(payload.senderMessageId)).toBe(1);
    await flush(ava, 'client');
    expect(pushes.filter((push) => push.message.senderMessageId === payload.senderMessageId)).toHaveLength(1);
  });

  it('refuses one bad send of a batch and stores the others', async () => {
    const good = { conversationId, senderMessageId: randomUUID(), text: 'The good one' };
    const reused = { conversationId, senderMessageId: good.senderMessageId, text: 'Same id, other text' };
    const missingUpload = { conversationId, senderMessageId: randomUUID(), text: 'With a ghost file', attachmentIds: [987654] };
    const otherLocation = { conversationId: t.demo.conversations.mia!, senderMessageId: randomUUID(), text: 'Not my location' };
    const alsoGood = { conversationId, senderMessageId: randomUUID(), text: 'Also fine' };
    const results = await Promise.all([good, reused, missingUpload, otherLocation, alsoGood].map((payload) => ask(priya, 'message:send', payload)));
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['ok', 'conflict', 'not_found', 'not_found', 'ok']);
    expect(rowsWithId(good.senderMessageId)).toBe(1);
    expect(rowsWithId(missingUpload.senderMessageId)).toBe(0);
    expect(rowsWithId(alsoGood.senderMessageId)).toBe(1);
  });

  it('batches client sends too, and a client retry gets the stored message', async () => {
    const appointmentId = t.demo.appointments.ava[0]!;
    const payloads = Array.from({ length: 10 }, (_, index) => ({ appointmentId, senderMessageId: randomUUID(), text: `from Ava ${index}` }));
    const acks = await Promise.all([...payloads, payloads[0]].map((payload) => askClient(ava, 'message:send', payload)));
    const messages = acks.map((ack) => data(ack));
    expect(messages.slice(0, 10).map((message) => message.text)).toEqual(payloads.map((payload) => payload.text));
    expect(messages[10]).toEqual(messages[0]);
    expect(rowsWithId(payloads[0]!.senderMessageId)).toBe(1);
  });
});
