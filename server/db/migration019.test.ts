// Migration 019 renames messages.client_message_id to sender_message_id: every stored id is kept,
// a resend of one is still found by the unique index on (sender_key, sender_message_id), and
// that index still refuses a second message with the same id from the same sender.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

const STAFF_ID = '0b6f2f58-6f0e-4a52-9a0e-6d7f1c9b2a10';
const CLIENT_ID = '5c1d9a3e-2b4f-4c8a-8e7d-1f2a3b4c5d6e';

beforeEach(() => {
  fixture = databaseBeforeMigration('sender message id');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO team_members (id, name, email, password_hash, role, created_at) VALUES (1, 'Desk', 'd@x', 'h', 'member', 0);
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 2);
    INSERT INTO messages (id, conversation_id, author_kind, author_client_id, author_member_id, client_message_id, text, created_at) VALUES
      (1, 1, 'client', 1, NULL, '${CLIENT_ID}', 'Hi', 1),
      (2, 1, 'staff', NULL, 1, '${STAFF_ID}', 'Hello Ann', 2);
  `);
});
afterEach(() => fixture.close());

const columnsOfMessages = () => (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('messages') as string[]);

describe('migration 019', () => {
  it('keeps every stored id under the new name, and no column of the old name', () => {
    expect(migrate(db)).toContain(fixture.version);
    expect(columnsOfMessages()).toContain('sender_message_id');
    expect(columnsOfMessages()).not.toContain('client_message_id');
    expect(db.prepare('SELECT id, sender_key, sender_message_id FROM messages ORDER BY id').all()).toEqual([
      { id: 1, sender_key: 'c:1', sender_message_id: CLIENT_ID },
      { id: 2, sender_key: 'm:1', sender_message_id: STAFF_ID },
    ]);
  });

  it('keeps the unique index of each sender\'s ids, on the renamed column, used to find a resend', () => {
    migrate(db);
    const indexColumns = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all('messages_by_sender_request');
    expect(indexColumns).toEqual(['sender_key', 'sender_message_id']);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM messages WHERE sender_key = ? AND sender_message_id = ?')
      .all('m:1', STAFF_ID) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING (COVERING )?INDEX messages_by_sender_request/);
    expect(() =>
      db.exec(`INSERT INTO messages (conversation_id, author_kind, author_member_id, sender_message_id, text, created_at)
               VALUES (1, 'staff', 1, '${STAFF_ID}', 'Again', 3)`),
    ).toThrow(/UNIQUE/);
  });
});
