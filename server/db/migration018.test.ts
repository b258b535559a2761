// Migration 018 adds the quick reply library to a database that already has locations, and its
// constraints hold: a title and text within their lengths, each location once per reply, and a
// reply's location rows go with it.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('quick replies');
  db = fixture.db;
  db.exec(`INSERT INTO locations (id, name) VALUES (1, 'Soho'), (2, 'Shoreditch');`);
  migrate(db);
});
afterEach(() => fixture.close());

const insertReply = (title: string, body: string) =>
  db.prepare('INSERT INTO quick_replies (title, body, created_at, updated_at) VALUES (?, ?, 0, 0)').run(title, body);

describe('migration 018', () => {
  it('stores replies with their locations, and removes the locations with the reply', () => {
    const id = Number(insertReply('Running late', 'Hi {client.firstName}').lastInsertRowid);
    db.prepare('INSERT INTO quick_reply_locations (quick_reply_id, location_id) VALUES (?, 1), (?, 2)').run(id, id);
    expect(db.prepare('SELECT count(*) AS n FROM quick_reply_locations').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT version FROM quick_replies WHERE id = ?').get(id)).toEqual({ version: 1 });
    db.prepare('DELETE FROM quick_replies WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM quick_reply_locations').get()).toEqual({ n: 0 });
  });

  it('refuses an empty title, an overlong text, a location twice and a location that does not exist', () => {
    expect(() => insertReply('', 'text')).toThrow(/CHECK/);
    expect(() => insertReply('Title', 'x'.repeat(4001))).toThrow(/CHECK/);
    const id = Number(insertReply('Title', 'text').lastInsertRowid);
    db.prepare('INSERT INTO quick_reply_locations (quick_reply_id, location_id) VALUES (?, 1)').run(id);
    expect(() => db.prepare('INSERT INTO quick_reply_locations (quick_reply_id, location_id) VALUES (?, 1)').run(id)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare('INSERT INTO quick_reply_locations (quick_reply_id, location_id) VALUES (?, 99)').run(id)).toThrow(/FOREIGN KEY/);
  });
});
