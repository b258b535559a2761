// Migration 009 removes the message search index from the database (it moved to a file of its
// own): the messages stay, client name search stays.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('message search index in its own file');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann Lee', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 1);
    INSERT INTO messages (conversation_id, author_kind, author_client_id, client_message_id, text, created_at)
      VALUES (1, 'client', 1, 'a', 'Hello', 1);
  `);
});
afterEach(() => fixture.close());

const objects = () =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'messages_fts%' OR name = 'search_index_state' ORDER BY name").all() as { name: string }[]).map((row) => row.name);

describe('migration 009', () => {
  it('drops the message index, its triggers and its position, and keeps the messages', () => {
    expect(objects()).toEqual(expect.arrayContaining(['messages_fts', 'messages_fts_delete', 'messages_fts_update', 'search_index_state']));
    migrate(db);
    expect(objects()).toEqual([]);
    expect(db.prepare('SELECT text FROM messages').all()).toEqual([{ text: 'Hello' }]);
    // The name an index file is matched against: random, and one row only.
    expect(db.prepare('SELECT id, token FROM database_identity').all()).toEqual([{ id: 1, token: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
    expect(() => db.exec("INSERT INTO database_identity (id, token) VALUES (2, 'x')")).toThrow(/CHECK/);
    // Editing and deleting messages no longer needs the old index.
    db.exec("UPDATE messages SET text = 'Hi' WHERE id = 1");
    db.exec('DELETE FROM messages');
  });

  it('keeps client name search in step', () => {
    migrate(db);
    db.exec("UPDATE clients SET name = 'Ann Marsh' WHERE id = 1");
    expect(db.prepare("SELECT rowid FROM clients_fts WHERE clients_fts MATCH 'marsh'").all()).toEqual([{ rowid: 1 }]);
  });
});
