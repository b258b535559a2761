// Migration 016 indexes every client's name, email and mobile number for the client finder,
// including clients that were there before it, and keeps the index in step with later changes.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('finding clients by name, email or mobile');
  db = fixture.db;
  db.exec(`
    INSERT INTO clients (id, name, mobile, email, created_at) VALUES
      (1, 'Grace Kim', '+447400900107', 'grace.kim@example.com', 0),
      (2, 'Zoë Marsh', NULL, NULL, 0);
  `);
});
afterEach(() => fixture.close());

const matches = (query: string) =>
  db.prepare<[string], { rowid: number }>('SELECT rowid FROM client_directory_fts WHERE client_directory_fts MATCH ? ORDER BY rowid').all(query).map((row) => row.rowid);

describe('migration 016', () => {
  it('indexes the clients already stored by name, email and mobile digits', () => {
    migrate(db);
    expect(matches('{name} : "grace"*')).toEqual([1]);
    expect(matches('{email} : "kim"')).toEqual([1]);
    expect(matches('{mobile} : "4474009"*')).toEqual([1]);
    expect(matches('"zoe"')).toEqual([2]);
    expect(db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 2 });
  });

  it('follows inserts, edits of each column and deletes', () => {
    migrate(db);
    db.exec(`INSERT INTO clients (id, name, email, created_at) VALUES (3, 'Oscar Lane', 'oscar@example.com', 0)`);
    expect(matches('"oscar"')).toEqual([3]);
    db.exec(`UPDATE clients SET email = 'o.lane@example.org', mobile = '+447700900555' WHERE id = 3`);
    expect(matches('{email} : "oscar"')).toEqual([]);
    expect(matches('{email} : "lane"')).toEqual([3]);
    expect(matches('{mobile} : "447700"*')).toEqual([3]);
    db.exec('UPDATE clients SET name = \'Grace Lane\' WHERE id = 3');
    expect(matches('{name} : "grace"')).toEqual([1, 3]);
    db.exec('DELETE FROM clients WHERE id = 3');
    expect(matches('"lane"')).toEqual([]);
    expect(() => db.exec("INSERT INTO client_directory_fts (client_directory_fts) VALUES ('integrity-check')")).not.toThrow();
  });
});
