// The WAL is checkpointed by the worker, not by commits on the event loop.
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { closeDatabase, openDatabase } from './open';

const log = { info() {}, warn() {}, error() {} } as never;

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('startCheckpointer', () => {
  let dir: string;
  let file: string;
  let db: Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-checkpointer-'));
    file = join(dir, 'db.sqlite3');
    db = openDatabase(file);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
    db.pragma('wal_checkpoint(TRUNCATE)');
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns off checkpoints on commit and copies committed pages into the file from the worker', async () => {
    const checkpointer = startCheckpointer(db, log, { intervalMs: 20 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(file).size;
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`note ${i} ${'x'.repeat(200)}`);
    })();
    // Nothing on this connection checkpoints now, so only the worker can grow the main file.
    await waitFor(() => statSync(file).size > before + 100_000);
    await checkpointer.stop();
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2000 });
  });

  it('cuts a WAL that grew past its limit down once writes have paused, not before', async () => {
    const wal = () => statSync(`${file}-wal`).size;
    const walLimitBytes = 4 * 1024 * 1024;
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
    const grow = db.prepare('WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO blobs (data) SELECT zeroblob(4000) FROM n');
    grow.run(2 * (walLimitBytes / 4000));
    expect(wal()).toBeGreaterThan(walLimitBytes);
    // Writes keep coming, quiet for less than quietMs between them: the file keeps its size.
    const checkpointer = startCheckpointer(db, log, { intervalMs: 20, quietMs: 3_000, walLimitBytes });
    const note = db.prepare('INSERT INTO notes (text) VALUES (?)');
    for (let i = 0; i < 20; i++) {
      note.run(`during ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(wal()).toBeGreaterThan(walLimitBytes);
    await checkpointer.stop();
    // Then nothing is written: the worker cuts it down by itself.
    const quick = startCheckpointer(db, log, { intervalMs: 20, quietMs: 200, walLimitBytes });
    await waitFor(() => wal() === 0);
    await quick.stop();
    note.run('after');
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 21 });
  });

  it('switches checkpoints on commit back on when the worker fails', async () => {
    // The worker opens the file by name with fileMustExist: a missing file makes it fail.
    const missing = { memory: false, name: join(dir, 'missing.sqlite3'), open: true, pragma: db.pragma.bind(db) } as unknown as Database;
    // A WAL with something in it is work, so a worker starts for it.
    writeFileSync(join(dir, 'missing.sqlite3-wal'), 'frames');
    const checkpointer = startCheckpointer(missing, log, { intervalMs: 20 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await waitFor(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000);
    await checkpointer.stop();
  });

  it('stops cleanly, and stopping twice is harmless', async () => {
    const checkpointer = startCheckpointer(db, log, { intervalMs: 20 });
    await checkpointer.stop();
    await checkpointer.stop();
  });

  /** How many notes the main file holds on its own, as a copy without the WAL beside it. */
  function notesInMainFile(): number {
    const copy = join(dir, `copy-${Date.now()}.sqlite3`);
    copyFileSync(file, copy);
    const reader = new BetterSqlite3(copy);
    try {
      return (reader.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
    } finally {
      reader.close();
    }
  }

  it('starts no worker while nothing is written; starts on a write, checkpoints, stops when idle, and starts again', async () => {
    const counts = { started: 0, stopped: 0, polled: 0 };
    const checkpointer = startCheckpointer(db, log, {
      intervalMs: 20,
      pollMs: 20,
      idleStopMs: 300,
      events: { started: () => (counts.started += 1), stopped: () => (counts.stopped += 1), polled: () => (counts.polled += 1) },
    });
    await waitFor(() => counts.polled >= 5);
    expect(counts.started).toBe(0);
    expect(checkpointer.running()).toBe(false);

    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    const write = (count: number) =>
      db.transaction(() => {
        for (let i = 0; i < count; i++) insert.run(`note ${i} ${'x'.repeat(200)}`);
      })();
    write(2000);
    await waitFor(() => counts.started === 1);
    expect(checkpointer.running()).toBe(true);
    await waitFor(() => counts.stopped === 1);
    expect(checkpointer.running()).toBe(false);
    // Everything written before it stopped is in the main file.
    expect(notesInMainFile()).toBe(2000);

    // Idle again: the WAL as the worker left it is no new work.
    const pollsAfterStop = counts.polled;
    await waitFor(() => counts.polled >= pollsAfterStop + 5);
    expect(counts.started).toBe(1);

    write(500);
    await waitFor(() => counts.started === 2 && counts.stopped === 2);
    expect(notesInMainFile()).toBe(2500);
    await checkpointer.stop();
  });

  it('checkpoints a write that lands while its worker is stopping', async () => {
    const counts = { started: 0, stopped: 0 };
    const checkpointer = startCheckpointer(db, log, {
      intervalMs: 20,
      pollMs: 20,
      idleStopMs: 100,
      events: { started: () => (counts.started += 1), stopped: () => (counts.stopped += 1) },
    });
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    insert.run('first');
    await waitFor(() => counts.started === 1);
    // Write again and again, across the worker's idle stop: each stop is followed by a start
    // when something was written meanwhile, and nothing stays outside the main file.
    for (let i = 0; i < 40; i++) {
      insert.run(`note ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 10 + (i % 7) * 30));
    }
    await waitFor(() => !checkpointer.running() && counts.stopped === counts.started);
    expect(counts.started).toBeGreaterThan(1);
    expect(notesInMainFile()).toBe(41);
    await checkpointer.stop();
  });

  it('a WAL left with frames in it at start is work at once', async () => {
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('left over');
    let started = 0;
    const checkpointer = startCheckpointer(db, log, { intervalMs: 20, pollMs: 20, events: { started: () => (started += 1) } });
    expect(started).toBe(1);
    await waitFor(() => notesInMainFile() === 1);
    await checkpointer.stop();
  });
});
