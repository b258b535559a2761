// The quick reply queries walk indexes: the library in title order from quick_replies_by_title
// (no sort), and each reply's locations through the (reply, location) key.
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_SQL, REPLIES_AT_LOCATION_SQL } from '../quickReplies/quickReplies.repository';
import { formatPlan, queryPlan } from '../testing/queryPlan';
import { migrate } from './migrate';
import { openDatabase } from './open';

let db: Database;
beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterAll(() => db.close());

const plan = (sql: string, params: Record<string, unknown>) => formatPlan(queryPlan(db, sql, params)).join('\n');

describe('quick reply query plans', () => {
  it('reads a location\'s replies in title order along quick_replies_by_title, each checked by its key', () => {
    const detail = plan(REPLIES_AT_LOCATION_SQL, { locationId: 1 });
    expect(detail).toMatch(/^SCAN q USING INDEX quick_replies_by_title/);
    expect(detail).toMatch(/SEARCH l USING PRIMARY KEY \(quick_reply_id=\?\)/);
    expect(detail).toMatch(/SEARCH l USING PRIMARY KEY \(quick_reply_id=\? AND location_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN l\b|AUTOMATIC/);
  });

  it('reads the library in title order, each reply\'s locations by its key', () => {
    const detail = plan(LIBRARY_SQL, {});
    expect(detail).toMatch(/^SCAN q USING INDEX quick_replies_by_title/);
    expect(detail).toMatch(/SEARCH l USING PRIMARY KEY \(quick_reply_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN l\b|AUTOMATIC/);
  });
});
