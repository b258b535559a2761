// The "a refused request changes nothing" fingerprint covers every table of the schema, so a
// table added by a later migration is checked without anyone adding it to a list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testServer';

let t: TestServer;
// A fresh server for each test: one test changes a row.
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

describe('fingerprint', () => {
  it('has an entry for every table in sqlite_schema', () => {
    const tables = t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'").pluck().all();
    expect(Object.keys(t.fingerprint()).sort()).toEqual([...(tables as string[])].sort());
    expect(tables).toContain('member_pins');
  });

  it('sees a change to any column of any row, not only row counts', () => {
    const before = t.fingerprint();
    t.db.prepare('UPDATE clients SET name = name || ? WHERE id = (SELECT min(id) FROM clients)').run('!');
    const after = t.fingerprint();
    expect(after.clients).not.toEqual(before.clients);
    expect(after.clients?.split(',')[0]).toEqual(before.clients?.split(',')[0]);
    // Only the clients table and its search indexes (kept by triggers) changed.
    const unrelated = (print: Record<string, string>) =>
      Object.entries(print).filter(([table]) => !table.startsWith('clients') && !table.startsWith('client_directory_fts'));
    expect(unrelated(after)).toEqual(unrelated(before));
  });
});
