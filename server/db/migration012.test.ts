// Migration 014 keeps a running total of attachment bytes (the storage quota reads it in O(1)),
// starting from what is already stored, and indexes uploads by sender and age.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('attachment storage total, uploads by sender and age');
  db = fixture.db;
  db.exec(`
    INSERT INTO attachments (id, sender_key, name, content_type, size, created_at) VALUES
      (1, 'c:1', 'a.png', 'image/png', 1000, 0), (2, 'm:1', 'b.pdf', 'application/pdf', 234, 0);
    INSERT INTO attachment_contents (attachment_id, bytes) VALUES (1, x'00'), (2, x'00');
  `);
});
afterEach(() => fixture.close());

const total = () => (db.prepare('SELECT total_bytes FROM attachment_storage').get() as { total_bytes: number }).total_bytes;

describe('migration 014', () => {
  it('starts the total from the attachments already stored, and keeps them', () => {
    migrate(db);
    expect(total()).toBe(1234);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 });
  });

  it('follows every upload and every deletion', () => {
    migrate(db);
    db.exec(`INSERT INTO attachments (sender_key, name, content_type, size, created_at) VALUES ('c:2', 'c.gif', 'image/gif', 66, 5)`);
    expect(total()).toBe(1300);
    db.exec('DELETE FROM attachments WHERE id = 1');
    expect(total()).toBe(300);
    expect(() => db.exec("INSERT INTO attachment_storage (id, total_bytes) VALUES (2, 0)")).toThrow(/CHECK/);
  });

  it('adds up what one sender uploaded since a time from the index', () => {
    migrate(db);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT total(size), min(created_at) FROM attachments WHERE sender_key = 'c:1' AND created_at > 0")
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/attachments_by_sender_age/);
  });
});
