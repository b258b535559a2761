// Migration 006 (read positions) on a database full of data: existing read markers are
// backfilled at position 0, and every message that becomes read afterwards moves its
// conversation to a new, larger position — whichever code path marks it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../repositories';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { closeDatabase, openDatabase } from './open';

const readPositionsVersion = migrations.findIndex((migration) => migration.name === 'read positions for catch-up') + 1;
let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-migrate-006-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db, migrations.slice(0, readPositionsVersion - 1));
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO team_members (id, name, email, password_hash, role, group_id, created_at) VALUES (1, 'Olga', 'o@x.example', 'x', 'owner', NULL, 0);
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0), (2, 'Bob', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 5), (2, 2, 1, 0, 5);
    INSERT INTO messages (conversation_id, author_kind, author_client_id, author_member_id, client_message_id, text, created_at, read_at)
      VALUES (1, 'client', 1, NULL, 'a', 'Hello', 1, 10), (1, 'client', 1, NULL, 'b', 'Anyone?', 2, NULL),
             (1, 'staff', NULL, 1, 'c', 'Yes', 3, 20), (2, 'client', 2, NULL, 'd', 'Hi', 4, NULL);
  `);
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const readState = (id: number) =>
  db.prepare('SELECT business_read_up_to, business_read_at, client_read_up_to, client_read_at, read_position FROM conversations WHERE id = ?').get(id);

describe('migration 006', () => {
  it('backfills the read markers already in the data, at position 0', () => {
    expect(migrate(db)).toContain(readPositionsVersion);
    expect(readState(1)).toEqual({ business_read_up_to: 1, business_read_at: 10, client_read_up_to: 3, client_read_at: 20, read_position: 0 });
    expect(readState(2)).toEqual({ business_read_up_to: 0, business_read_at: null, client_read_up_to: 0, client_read_at: null, read_position: 0 });
    expect(createRepositories(db).sync.head()).toEqual({ messageId: 4, readPosition: 0 });
  });

  it('moves a conversation to a new position each time a read marker advances', () => {
    migrate(db);
    const repos = createRepositories(db);
    repos.conversations.markReadByBusiness(2, 4, 50);
    expect(readState(2)).toMatchObject({ business_read_up_to: 4, business_read_at: 50, read_position: 1 });
    repos.conversations.markReadByBusiness(1, 2, 60);
    expect(readState(1)).toMatchObject({ business_read_up_to: 2, business_read_at: 60, read_position: 2 });
    // Marking again what is already read changes nothing.
    repos.conversations.markReadByBusiness(1, 2, 70);
    expect(readState(1)).toMatchObject({ business_read_at: 60, read_position: 2 });
    expect(repos.sync.readsAfterForLocations(1, [1], 10).map((row) => row.conversationId)).toEqual([1]);
  });

  it('keeps the counter table to one row and non-negative markers', () => {
    migrate(db);
    expect(() => db.prepare('INSERT INTO sync_counter (id, read_position) VALUES (2, 0)').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE conversations SET read_position = -1 WHERE id = 1').run()).toThrow(/CHECK/);
  });
});
