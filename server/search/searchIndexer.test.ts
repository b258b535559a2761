// The message index in its own file: catch-up steps, the worker that keeps it behind the writes
// without ever taking the inbox database's write lock, the event-loop fallback, and rebuilding
// an index file that is missing or of another layout.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { closeDatabase, openDatabase } from '../db/open';
import { createMemoryLogger } from '../log';
import { openSearch, type Search } from './search';
import { createSearchRepository } from './search.repository';
import { createIndexSteps, openSearchConnection, searchIndexFileOf } from './searchIndex';

let dir: string;
let db: Database;
let log: ReturnType<typeof createMemoryLogger>;
let opened: Search[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-search-index-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db);
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann Lee', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 1);
  `);
  log = createMemoryLogger();
  opened = [];
});
afterEach(async () => {
  for (const search of opened) await search.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const store = (...texts: string[]) =>
  texts.map((text, index) =>
    Number(
      db.prepare(`INSERT INTO messages (conversation_id, author_kind, author_client_id, sender_message_id, text, created_at)
                  VALUES (1, 'client', 1, ?, ?, 0)`).run(`${text}-${index}-${Math.random()}`, text).lastInsertRowid,
    ),
  );

const open = (options: Parameters<typeof openSearch>[2] = {}) => {
  const search = openSearch(db, log, options);
  opened.push(search);
  return search;
};

/** A rebuilt index fills in older messages in the background. */
const FILLED_IN = { timeout: 10_000 };

const find = (search: Search, word: string) =>
  search.repository.messages({ ftsQuery: `"${word}"`, locationIds: [1] }, null, 50).map((hit) => hit.messageId);

describe('index steps', () => {
  it('take at most the step they are given and say whether more wait', () => {
    const connection = openSearchConnection(db);
    const steps = createIndexSteps(connection);
    const ids = store('Undercut one', 'Undercut two', 'Undercut three');
    expect(steps.next(2)).toEqual({ indexedUpTo: ids[1], more: true });
    expect(steps.next(2)).toEqual({ indexedUpTo: ids[2], more: false });
    expect(steps.next(2)).toEqual({ indexedUpTo: ids[2], more: false });
    connection.close();
  });

  it('in a rebuilt index, take new messages first, then fill in older ones, newest first', () => {
    const older = store('Fringe one', 'Fringe two', 'Fringe three', 'Fringe four', 'Fringe five');
    const connection = openSearchConnection(db);
    const steps = createIndexSteps(connection);
    const search = createSearchRepository(connection);
    const found = () => search.messages({ ftsQuery: '"fringe"', locationIds: [1] }, null, 50).map((hit) => hit.messageId);
    const [newer] = store('Fringe six');
    expect(search.indexComplete()).toBe(false);

    expect(steps.next(2)).toEqual({ indexedUpTo: newer, more: true });
    expect(found()).toEqual([newer]);
    expect(steps.forward(2)).toEqual({ indexedUpTo: newer, more: false }); // what a search waits for is done
    expect(steps.next(2)).toEqual({ indexedUpTo: newer, more: true });
    expect(found()).toEqual([newer, older[4], older[3]]);
    expect(steps.next(2)).toEqual({ indexedUpTo: newer, more: true });
    expect(steps.next(2)).toEqual({ indexedUpTo: newer, more: false });
    expect(found()).toEqual([newer, ...[...older].reverse()]);
    expect(search.indexComplete()).toBe(true);
    connection.close();
  });
});

describe.each([
  { mode: 'worker thread', worker: true },
  { mode: 'event loop', worker: false },
])('indexing on the $mode', ({ worker }) => {
  it('has every message stored before a search indexed when the search runs', async () => {
    const search = open({ worker });
    const ids = store('Balayage on Friday', 'Balayage again', 'Just a trim');
    await search.indexer.caughtUp();
    expect(find(search, 'balayage')).toEqual([ids[1], ids[0]]);
    const [later] = store('Balayage, last one');
    await search.indexer.caughtUp();
    expect(find(search, 'balayage')).toEqual([later, ids[1], ids[0]]);
  });

  it('indexes soon after a commit without a search asking', async () => {
    const search = open({ worker, delayMs: 1 });
    const [id] = store('Chignon please');
    search.indexer.schedule();
    await expect.poll(() => find(search, 'chignon'), { timeout: 5_000 }).toEqual([id]);
  });
});

describe('the worker thread', () => {
  it('indexes while another connection holds the inbox database\'s write lock', async () => {
    const search = open();
    const [id] = store('Fringe trim');
    const writer = new BetterSqlite3(db.name);
    writer.exec('BEGIN IMMEDIATE');
    try {
      await search.indexer.caughtUp();
      expect(find(search, 'fringe')).toEqual([id]);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});

describe('the index file', () => {
  it('is rebuilt from the messages when it is missing or of another layout', async () => {
    const ids = store('Toner Tuesday', 'Toner Wednesday');
    let search = open();
    await search.indexer.caughtUp();
    await search.close();

    rmSync(searchIndexFileOf(db.name));
    rmSync(`${searchIndexFileOf(db.name)}-wal`, { force: true });
    rmSync(`${searchIndexFileOf(db.name)}-shm`, { force: true });
    search = open();
    await expect.poll(() => find(search, 'toner'), FILLED_IN).toEqual([...ids].reverse());
    await search.close();

    const old = new BetterSqlite3(searchIndexFileOf(db.name));
    old.pragma('user_version = 0');
    old.close();
    search = open();
    await expect.poll(() => find(search, 'toner'), FILLED_IN).toEqual([...ids].reverse());
  });

  it('is rebuilt when it reaches past the database beside it, as after restoring an older backup', async () => {
    const [kept] = store('Olaplex in stock');
    const backup = join(dir, 'backup.sqlite3');
    db.exec(`VACUUM INTO '${backup}'`);
    const [lost] = store('Olaplex sold out');
    const search = open();
    await search.indexer.caughtUp();
    await search.close();
    expect(lost).toBeGreaterThan(kept!);

    // The restore: the backup becomes the database; the index file stays where it was.
    closeDatabase(db);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${join(dir, 'inbox.sqlite3')}${suffix}`, { force: true });
    copyFileSync(backup, join(dir, 'inbox.sqlite3'));
    db = openDatabase(join(dir, 'inbox.sqlite3'));
    const [reused] = store('Olaplex back on Monday');
    expect(reused).toBe(lost);
    const restored = open();
    await expect.poll(() => find(restored, 'olaplex'), FILLED_IN).toEqual([reused, kept]);
    expect(find(restored, 'sold')).toEqual([]);
  });

  it('is rebuilt when it was built for another database', async () => {
    const [id] = store('Keratin Thursday');
    let search = open();
    await search.indexer.caughtUp();
    await search.close();
    db.exec("UPDATE database_identity SET token = 'another' WHERE id = 1");
    db.exec("UPDATE messages SET text = 'Perm Thursday' WHERE id = " + String(id));
    search = open();
    await expect.poll(() => find(search, 'perm'), FILLED_IN).toEqual([id]);
    expect(find(search, 'keratin')).toEqual([]);
  });

  it('remembers how far it reached: a restart indexes only what is new', async () => {
    const [first] = store('Perm booked');
    let search = open();
    // A new index file starts at the newest message and fills in the older ones behind it.
    await expect.poll(() => search.repository.indexComplete(), FILLED_IN).toBe(true);
    await search.close();
    const [second] = store('Perm moved');
    search = open();
    const index = new BetterSqlite3(searchIndexFileOf(db.name), { readonly: true });
    const upTo = () => (index.prepare('SELECT messages_indexed_up_to AS n FROM index_state').get() as { n: number }).n;
    expect(upTo()).toBe(first);
    await search.indexer.caughtUp();
    expect(upTo()).toBe(second);
    index.close();
    expect(find(search, 'perm')).toEqual([second, first]);
  });
});

describe('the worker runs only while there is work', () => {
  const counted = () => {
    const counts = { started: 0, stopped: 0 };
    return { counts, events: { started: () => (counts.started += 1), stopped: () => (counts.stopped += 1) } };
  };

  it('starts none for an index that is up to date', async () => {
    store('Indexed before the server started');
    const before = open();
    await before.indexer.caughtUp();
    await before.close();
    const { counts, events } = counted();
    const search = open({ events });
    expect(search.indexer.running()).toBe(false);
    expect(counts.started).toBe(0);
    // A search with nothing new to wait for needs none either.
    await search.indexer.caughtUp();
    expect(counts.started).toBe(0);
  });

  it('starts on a commit, stops when idle, and the next worker carries on where it stopped', async () => {
    const { counts, events } = counted();
    const search = open({ delayMs: 1, idleStopMs: 150, events });
    const [first] = store('Olaplex first');
    search.indexer.schedule();
    await expect.poll(() => find(search, 'olaplex'), { timeout: 5_000 }).toEqual([first]);
    await expect.poll(() => counts.stopped, { timeout: 5_000 }).toBe(1);
    expect(search.indexer.running()).toBe(false);

    // A commit starts the next one...
    const [second] = store('Olaplex second');
    search.indexer.schedule();
    await expect.poll(() => find(search, 'olaplex'), { timeout: 5_000 }).toEqual([second, first]);
    await expect.poll(() => counts.stopped, { timeout: 5_000 }).toBe(2);
    // ...and so does a search that must wait for new messages.
    const [third] = store('Olaplex third');
    await search.indexer.caughtUp();
    expect(find(search, 'olaplex')).toEqual([third, second, first]);
    expect(counts.started).toBe(3);
    expect(log.entries.filter((entry) => entry.level !== 'info')).toEqual([]);
  });

  it('loses nothing stored while a worker is stopping', async () => {
    const { counts, events } = counted();
    const search = open({ delayMs: 1, idleStopMs: 30, events });
    const ids: number[] = [];
    // Commits at uneven gaps around the idle stop: some land while a worker is winding down.
    for (let round = 0; round < 30; round++) {
      ids.push(...store(`Pompadour ${round}`));
      search.indexer.schedule();
      await new Promise((resolve) => setTimeout(resolve, 5 + (round % 5) * 20));
    }
    await search.indexer.caughtUp();
    expect(find(search, 'pompadour')).toEqual([...ids].reverse());
    expect(counts.started).toBeGreaterThan(1);
    expect(log.entries.filter((entry) => entry.level !== 'info')).toEqual([]);
  });
});

describe('page caches', () => {
  it('the search connection sizes its caches as the server sized its own', async () => {
    const small = openDatabase(join(dir, 'small.sqlite3'), { cacheMb: 2 });
    try {
      migrate(small);
      expect(small.pragma('cache_size', { simple: true })).toBe(-2048);
      const connection = openSearchConnection(small);
      try {
        expect(connection.pragma('cache_size', { simple: true })).toBe(-2048);
        expect(connection.pragma('search.cache_size', { simple: true })).toBe(-2048);
      } finally {
        connection.close();
      }
    } finally {
      closeDatabase(small);
    }
  });
});
