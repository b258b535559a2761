// Migration 021 adds opening hours, the record of after-hours replies and the automatic mark of
// messages; every message stored before it stays an ordinary one.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('opening hours and after-hours replies');
  db = fixture.db;
  db.exec(`
    INSERT INTO locations (id, name) VALUES (1, 'Soho');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ava', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 0);
    INSERT INTO messages (conversation_id, author_kind, author_client_id, sender_message_id, text, created_at)
      VALUES (1, 'client', 1, 'b3c1f6a0-0000-4000-8000-000000000001', 'Hello', 0);
  `);
});
afterEach(() => fixture.close());

describe('migration 021', () => {
  it('keeps earlier messages ordinary and checks what it stores', () => {
    migrate(db);
    expect(db.prepare('SELECT automatic FROM messages').pluck().all()).toEqual([0]);
    expect(() => db.prepare('UPDATE messages SET automatic = 2').run()).toThrow();
    expect(() => db.prepare(`INSERT INTO location_hours (location_id, weekly, closed_dates, version, updated_at) VALUES (1, 'not json', '[]', 1, 0)`).run()).toThrow();
    db.prepare(`INSERT INTO location_hours (location_id, weekly, closed_dates, version, updated_at) VALUES (1, '[[],[],[],[],[],[],[]]', '[]', 1, 0)`).run();
    db.prepare('INSERT INTO after_hours_replies (conversation_id, sent_at) VALUES (1, 5)').run();
    db.prepare('DELETE FROM conversations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM after_hours_replies').pluck().get()).toBe(0);
  });
});
