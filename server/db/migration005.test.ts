// The search migration (5 on this branch; found by its SQL, so renumbering at merge needs no
// edit here) on a database at the version before it that already holds messages and clients: the search
// indexes are built from the existing rows; new messages are indexed by a catch-up, edits and
// deletes of indexed ones by triggers. (Migration 9 later moved the message index to a file of
// its own, so these tests stop at this migration.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { searchAndInboxIndexes } from './migrations/005_search_and_inbox_indexes';
import { closeDatabase, openDatabase } from './open';

const version = migrations.findIndex((migration) => migration.sql === searchAndInboxIndexes) + 1;

let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-migrate-005-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db, migrations.slice(0, version - 1));
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Zoë Fairweather', 0), (2, 'Ben Stone', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, unread_count) VALUES (1, 1, 1, 0, 5, 1), (2, 2, 1, 0, 6, 0);
    INSERT INTO messages (conversation_id, author_kind, author_client_id, client_message_id, text, created_at)
      VALUES (1, 'client', 1, 'a', 'Is the balayage booked?', 1), (2, 'client', 2, 'b', 'Running late', 2);
  `);
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const matches = (table: 'messages_fts' | 'clients_fts', query: string) =>
  (db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(query) as { rowid: number }[]).map((row) => row.rowid);

/** The message index's catch-up as it was with this migration (migration 9 moved the index to
 * a file of its own): index every message newer than the recorded position. */
const catchUp = () =>
  db.transaction(() => {
    const { upTo } = db.prepare('SELECT messages_indexed_up_to AS upTo FROM search_index_state').get() as { upTo: number };
    const indexed = db.prepare('INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id > ? ORDER BY id').run(upTo).changes;
    db.prepare('UPDATE search_index_state SET messages_indexed_up_to = (SELECT coalesce(max(id), 0) FROM messages)').run();
    return { indexed, more: false };
  })();

describe('the search migration', () => {
  it('indexes the messages and client names already stored', () => {
    expect(version).toBeGreaterThan(1);
    expect(migrate(db, migrations.slice(0, version))).toContain(version);
    expect(schemaVersion(db)).toBe(version);
    expect(matches('messages_fts', 'balayage')).toEqual([1]);
    expect(matches('clients_fts', 'zoe')).toEqual([1]);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
  });

  it('keeps the indexes in step with inserts (on catch-up), edits and deletes', () => {
    migrate(db, migrations.slice(0, version));
    db.exec(`INSERT INTO messages (conversation_id, author_kind, author_client_id, client_message_id, text, created_at)
             VALUES (2, 'client', 2, 'c', 'Balayage please', 3), (2, 'client', 2, 'd', 'Balayage again', 4)`);
    expect(matches('messages_fts', 'balayage')).toEqual([1]);
    // Edited and deleted before being indexed: the catch-up indexes what is there by then.
    db.exec("UPDATE messages SET text = 'Only a fringe' WHERE id = 4");
    expect(catchUp()).toEqual({ indexed: 2, more: false });
    expect(catchUp()).toEqual({ indexed: 0, more: false });
    expect(matches('messages_fts', 'balayage')).toEqual([1, 3]);
    expect(matches('messages_fts', 'fringe')).toEqual([4]);
    db.exec("UPDATE messages SET text = 'Just a trim' WHERE id = 1");
    expect(matches('messages_fts', 'balayage')).toEqual([3]);
    expect(matches('messages_fts', 'trim')).toEqual([1]);
    db.exec('DELETE FROM messages WHERE id = 3');
    expect(matches('messages_fts', 'balayage')).toEqual([]);
    db.exec(`INSERT INTO messages (conversation_id, author_kind, author_client_id, client_message_id, text, created_at)
             VALUES (2, 'client', 2, 'e', 'Gone before indexing', 5)`);
    db.exec('DELETE FROM messages WHERE id = 5');
    catchUp();
    expect(matches('messages_fts', 'gone')).toEqual([]);
    db.exec("INSERT INTO clients (id, name, created_at) VALUES (3, 'Cleo Marsh', 0)");
    expect(matches('clients_fts', 'cleo')).toEqual([3]);
    db.exec("UPDATE clients SET name = 'Benjamin Stone' WHERE id = 2");
    expect(matches('clients_fts', 'ben*')).toEqual([2]);
    expect(matches('clients_fts', 'ben')).toEqual([]);
    // The FTS integrity check compares the index with the content tables.
    expect(() => db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(() => db.exec("INSERT INTO clients_fts (clients_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('adds the partial indexes of conversations with unread messages', () => {
    migrate(db, migrations.slice(0, version));
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'conversations'").all() as { name: string }[];
    expect(indexes.map((row) => row.name)).toEqual(
      expect.arrayContaining(['conversations_unread_by_activity', 'conversations_unread_by_location_activity']),
    );
  });
});
