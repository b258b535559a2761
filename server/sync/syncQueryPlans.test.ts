// Catch-up queries walk from the position along an index, never sorting in a temp B-tree.
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { MESSAGES_AFTER_FOR_LOCATIONS_SQL, READS_AFTER_FOR_LOCATIONS_SQL } from './sync.repository';

let db: Database;
beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterAll(() => db.close());

const plan = (sql: string, params: Record<string, unknown>) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('catch-up query plans', () => {
  it('walks messages along their primary key from the position', () => {
    const detail = plan(MESSAGES_AFTER_FOR_LOCATIONS_SQL, { after: 10, locationIds: '[1]', limit: 200 });
    expect(detail).toMatch(/SEARCH m USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('walks read state along conversations_by_read_position', () => {
    const detail = plan(READS_AFTER_FOR_LOCATIONS_SQL, { after: 10, locationIds: '[1]', limit: 200 });
    expect(detail).toMatch(/SEARCH c USING INDEX conversations_by_read_position \(read_position>\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
