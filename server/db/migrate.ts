// Brings a database up to the newest schema. All pending migrations run in one transaction,
// so a failure leaves the file exactly as it was; PRAGMA user_version records the version.
import type { Database } from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations';

export class NewerDatabaseError extends Error {
  constructor(found: number, supported: number) {
    super(
      `The database is at schema version ${found}, but this server only knows up to ${supported}. ` +
        'It was written by a newer server: upgrade this one instead of downgrading the data.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations; returns the versions it applied. */
export function migrate(db: Database, migrations: readonly Migration[] = defaultMigrations): number[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}.`);
    }
  });
  const latest = migrations.length;
  const current = schemaVersion(db);
  if (current > latest) throw new NewerDatabaseError(current, latest);

  const pending = migrations.slice(current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return pending.map((migration) => migration.version);
}
