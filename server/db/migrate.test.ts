import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { closeDatabase, openDatabase } from './open';

let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-migrate-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const tableNames = () =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('openDatabase', () => {
  it('uses WAL with foreign keys enforced', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});

describe('migrate', () => {
  it('numbers migrations 1..n with no gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('migration 1 creates the skeleton schema as STRICT tables', () => {
    expect(migrate(db, migrations.slice(0, 1))).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    const tables = [
      'appointments', 'client_tokens', 'clients', 'conversations', 'locations', 'member_locations',
      'messages', 'permission_groups', 'sessions', 'team_members', 'workspace',
    ];
    expect(tableNames()).toEqual(expect.arrayContaining(tables));
    const strict = db.prepare('SELECT name, strict FROM pragma_table_list WHERE schema = ?').all('main') as {
      name: string;
      strict: number;
    }[];
    for (const table of tables) expect(strict.find((row) => row.name === table)?.strict, table).toBe(1);

    // Settings default to on, and a second workspace row is impossible.
    db.prepare("INSERT INTO workspace (id, name) VALUES (1, 'Salon')").run();
    expect(db.prepare('SELECT enabled, contact_button, read_receipts, typing_indicator FROM workspace').get()).toEqual({
      enabled: 1, contact_button: 1, read_receipts: 1, typing_indicator: 1,
    });
    expect(() => db.prepare("INSERT INTO workspace (id, name) VALUES (2, 'Other')").run()).toThrow(/CHECK/);
  });

  it('migration 1 scopes sender message ids per sender', () => {
    migrate(db);
    db.exec(`
      INSERT INTO locations (id, name) VALUES (1, 'North');
      INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0), (2, 'Bea', 0);
      INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 0), (2, 2, 1, 0, 0);
    `);
    const insert = db.prepare(
      "INSERT INTO messages (conversation_id, author_kind, author_client_id, sender_message_id, text, created_at) VALUES (?, 'client', ?, 'same-id', 'hi', 0)",
    );
    insert.run(1, 1);
    insert.run(2, 2); // another sender may use the same id
    expect(() => insert.run(1, 1)).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT sender_key FROM messages ORDER BY id').all()).toEqual([
      { sender_key: 'c:1' },
      { sender_key: 'c:2' },
    ]);
  });

  it('does nothing when the database is current', () => {
    migrate(db);
    expect(migrate(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('refuses a database written by a newer server', () => {
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
    expect(() => migrate(db)).toThrow(/newer server/);
  });

  it('rolls everything back when a migration fails', () => {
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER) STRICT; NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames()).toEqual([]);
  });
});
