// Migration 008 drops the conversations' index on their last appointment, which only a foreign
// key's ON DELETE used: the key itself still holds.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('no appointment index on conversations');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0);
    INSERT INTO appointments (id, client_id, location_id, service, starts_at, status) VALUES (7, 1, 1, 'Cut', 0, 'booked');
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, last_appointment_id) VALUES (1, 1, 1, 0, 1, 7);
  `);
});
afterEach(() => fixture.close());

const indexExists = () =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'conversations_by_last_appointment'").get() !== undefined;

describe('migration 008', () => {
  it('drops conversations_by_last_appointment and keeps the data', () => {
    expect(indexExists()).toBe(true);
    migrate(db);
    expect(indexExists()).toBe(false);
    expect(db.prepare('SELECT last_appointment_id FROM conversations').all()).toEqual([{ last_appointment_id: 7 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('still enforces the last appointment foreign key both ways', () => {
    migrate(db);
    expect(() => db.exec('UPDATE conversations SET last_appointment_id = 99 WHERE id = 1')).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM appointments WHERE id = 7');
    expect(db.prepare('SELECT last_appointment_id FROM conversations').all()).toEqual([{ last_appointment_id: null }]);
  });
});
