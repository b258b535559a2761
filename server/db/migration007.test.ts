// Migration 007 drops an index only a foreign key's ON DELETE used: the key itself still holds.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('no appointment index on messages');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0);
    INSERT INTO appointments (id, client_id, location_id, service, starts_at, status) VALUES (7, 1, 1, 'Cut', 0, 'booked');
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 1);
    INSERT INTO messages (conversation_id, author_kind, author_client_id, client_message_id, appointment_id, text, created_at)
      VALUES (1, 'client', 1, 'a', 7, 'Hello', 1);
  `);
});
afterEach(() => fixture.close());

const indexExists = () => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'messages_by_appointment'").get() !== undefined;

describe('migration 007', () => {
  it('drops messages_by_appointment and keeps the data', () => {
    expect(indexExists()).toBe(true);
    migrate(db);
    expect(indexExists()).toBe(false);
    expect(db.prepare('SELECT appointment_id FROM messages').all()).toEqual([{ appointment_id: 7 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('still enforces the appointment foreign key both ways', () => {
    migrate(db);
    expect(() =>
      db.exec(`INSERT INTO messages (conversation_id, author_kind, author_client_id, sender_message_id, appointment_id, text, created_at)
               VALUES (1, 'client', 1, 'b', 99, 'No such appointment', 2)`),
    ).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM appointments WHERE id = 7');
    expect(db.prepare('SELECT appointment_id FROM messages').all()).toEqual([{ appointment_id: null }]);
  });
});
