// For migration tests: a database file in a temp folder, migrated up to just before one
// migration (found by name, so renumbering at a merge needs no edit), with data of the old
// schema added by the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { closeDatabase, openDatabase } from '../db/open';

export type DatabaseBeforeMigration = { db: Database; version: number; close(): void };

export function databaseBeforeMigration(name: string): DatabaseBeforeMigration {
  const version = migrations.findIndex((migration) => migration.name === name) + 1;
  if (version === 0) throw new Error(`No migration is named "${name}".`);
  const dir = mkdtempSync(join(tmpdir(), `inbox-migrate-${version}-`));
  const db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db, migrations.slice(0, version - 1));
  return {
    db,
    version,
    close() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
