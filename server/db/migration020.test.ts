// Migration 020 adds internal notes, their mentions and client notes to a database that already
// has conversations, leaving what was there untouched; its constraints hold.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { fingerprintOf } from '../testing/testServer';
import { migrate } from './migrate';
import { migrations } from './migrations';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('internal notes with mentions, client notes');
  db = fixture.db;
  db.exec(`
    INSERT INTO locations (id, name) VALUES (1, 'Soho');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ava Thompson', 0);
    INSERT INTO team_members (id, name, email, password_hash, role, created_at) VALUES (1, 'Olivia', 'o@example.com', 'x', 'owner', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 0);
  `);
});
afterEach(() => fixture.close());

describe('migration 020', () => {
  it('keeps every table that was there as it was and adds the notes\' tables empty', () => {
    const before = fingerprintOf(db);
    migrate(db, migrations.slice(0, fixture.version)); // this one alone: later ones change tables too
    const after = fingerprintOf(db);
    for (const [table, print] of Object.entries(before)) expect(after[table], table).toBe(print);
    expect(Object.keys(after).filter((table) => !(table in before)).sort()).toEqual(['client_notes', 'conversation_notes', 'note_mentions']);
  });

  it('stores a note once per writer and id, bounds its text, and cascades with its conversation', () => {
    migrate(db);
    const insert = db.prepare('INSERT INTO conversation_notes (conversation_id, author_member_id, text, sender_note_id, created_at) VALUES (1, 1, ?, ?, 0)');
    const id = Number(insert.run('Prefers mornings', 'a').lastInsertRowid);
    db.prepare('INSERT INTO note_mentions (note_id, member_id) VALUES (?, 1)').run(id);
    expect(() => insert.run('Again', 'a')).toThrow(/UNIQUE/);
    expect(() => insert.run('', 'b')).toThrow(/CHECK/);
    expect(() => insert.run('x'.repeat(2001), 'c')).toThrow(/CHECK/);
    db.exec('DELETE FROM conversations WHERE id = 1');
    expect(db.prepare('SELECT (SELECT count(*) FROM conversation_notes) + (SELECT count(*) FROM note_mentions)').pluck().get()).toBe(0);
  });

  it('keeps one client note per client with a positive version', () => {
    migrate(db);
    const insert = db.prepare('INSERT INTO client_notes (client_id, text, version, updated_by_member_id, updated_at) VALUES (1, ?, ?, 1, 0)');
    expect(() => insert.run('Latex allergy', 0)).toThrow(/CHECK/);
    insert.run('Latex allergy', 1);
    expect(() => insert.run('Other', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
