// The bundle's transaction: nested calls are savepoints from statements prepared once, and the
// send path relies on them rolling back one send's writes alone inside a group-commit batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './db/migrate';
import { closeDatabase, openDatabase } from './db/open';
import { createGroupCommit } from './messages/groupCommit';
import { createRepositories, type Repositories } from './repositories';

describe('repositories.transaction', () => {
  let dir: string;
  let db: Database;
  let repos: Repositories;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-repos-'));
    db = openDatabase(join(dir, 'db.sqlite3'));
    migrate(db);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE) STRICT');
    repos = createRepositories(db);
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (text: string) => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
  const notes = () => (db.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((row) => row.text);

  it('rolls back only the nested work that threw, keeps the rest, and returns values', () => {
    const value = repos.transaction(() => {
      insert('kept before');
      expect(() =>
        repos.transaction(() => {
          insert('rolled back');
          repos.transaction(() => insert('inner, rolled back with its parent'));
          throw new Error('boom');
        }),
      ).toThrow('boom');
      const inner = repos.transaction(() => {
        insert('kept after');
        return 42;
      });
      return inner + 1;
    });
    expect(value).toBe(43);
    expect(notes()).toEqual(['kept before', 'kept after']);
    expect(db.inTransaction).toBe(false);
  });

  it('as the group commit transaction: a send failing after a partial write leaves nothing behind', async () => {
    const writes = createGroupCommit(repos.transaction);
    const results = await Promise.allSettled([
      writes.run(() => insert('first')),
      writes.run(() => {
        insert('half of a failing send');
        insert('first'); // violates UNIQUE after its first write
      }),
      writes.run(() => insert('third')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(notes()).toEqual(['first', 'third']);
  });

  it('the checked append refuses to run outside a transaction', () => {
    expect(() =>
      repos.messages.appendChecked({
        conversationId: 1,
        sender: { kind: 'staff', memberId: 1 },
        senderMessageId: 'x',
        appointmentId: null,
        text: 'hi',
        createdAt: 0,
      }),
    ).toThrow(/inside the send's transaction/);
  });
});
