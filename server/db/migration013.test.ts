// Migration 013 drops the inbox's activity indexes across all locations, which no query uses
// since the pages of several locations merge each location's own index walk.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';
import { migrations } from './migrations';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('no inbox indexes across locations');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0), (2, 'Ben', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, unread_count)
      VALUES (1, 1, 1, 0, 5, 2), (2, 2, 1, 0, 9, 0);
  `);
});
afterEach(() => fixture.close());

const conversationIndexes = () =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'conversations' AND sql IS NOT NULL ORDER BY name")
    .all()
    .map((row) => row.name);

describe('migration 013', () => {
  it('drops conversations_by_activity and conversations_unread_by_activity, keeping the per-location ones and the data', () => {
    expect(conversationIndexes()).toEqual(expect.arrayContaining(['conversations_by_activity', 'conversations_unread_by_activity']));
    migrate(db, migrations.slice(0, 13));
    expect(conversationIndexes()).toEqual([
      'conversations_by_location_activity',
      'conversations_by_read_position',
      'conversations_unread_by_location_activity',
    ]);
    expect(db.prepare('SELECT id, last_activity_at, unread_count FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, last_activity_at: 5, unread_count: 2 },
      { id: 2, last_activity_at: 9, unread_count: 0 },
    ]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
