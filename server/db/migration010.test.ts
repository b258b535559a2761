// Migration 010 gives locations, clients and appointments the booking system's id: optional,
// and unique where present.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('booking system ids');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North'), (2, 'South');
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0), (2, 'Bo', 0);
    INSERT INTO appointments (id, client_id, location_id, service, starts_at, status) VALUES (7, 1, 1, 'Cut', 0, 'booked');
  `);
});
afterEach(() => fixture.close());

describe('migration 010', () => {
  it('keeps every row, with no booking system id', () => {
    migrate(db);
    for (const table of ['locations', 'clients', 'appointments']) {
      expect(db.prepare(`SELECT count(*) AS rows, count(external_ref) AS refs FROM ${table}`).get(), table).toMatchObject({ refs: 0 });
    }
    expect(db.prepare('SELECT id, name FROM locations ORDER BY id').all()).toEqual([{ id: 1, name: 'North' }, { id: 2, name: 'South' }]);
  });

  it('lets any number of rows have none, and no two rows share one', () => {
    migrate(db);
    for (const table of ['locations', 'clients']) {
      db.exec(`UPDATE ${table} SET external_ref = 'bk-1' WHERE id = 1`);
      expect(() => db.exec(`UPDATE ${table} SET external_ref = 'bk-1' WHERE id = 2`), table).toThrow(/UNIQUE/);
    }
    db.exec(`INSERT INTO appointments (client_id, location_id, service, starts_at, status, external_ref) VALUES (2, 2, 'Colour', 0, 'booked', 'a-1')`);
    expect(() => db.exec(`INSERT INTO appointments (client_id, location_id, service, starts_at, status, external_ref) VALUES (2, 2, 'Colour', 0, 'booked', 'a-1')`)).toThrow(/UNIQUE/);
  });
});
