// Online backup of the server's SQLite file with SQLite's backup API: it reads a consistent
// snapshot through its own connection, so the server keeps running (WAL lets readers and the
// writer work side by side) and the copy includes what is still in the WAL.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** A backup that could not be made, with a message for whoever ran it. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export type BackupResult = { file: string; bytes: number; schemaVersion: number };

/** Copy every page in one step: a WAL reader blocks nobody, and a copy split over several
 * steps would start over each time the server writes in between. */
const ALL_PAGES_AT_ONCE = 0x7fffffff;

export async function backupDatabase(databaseFile: string, destinationFile: string): Promise<BackupResult> {
  const source = resolve(databaseFile);
  const destination = resolve(destinationFile);
  if (!existsSync(source)) throw new BackupError(`There is no inbox database at ${source}; check --data-dir.`);
  if (existsSync(destination)) {
    throw new BackupError(`${destination} already exists; back up to a new file so no earlier backup is overwritten.`);
  }
  mkdirSync(dirname(destination), { recursive: true });
  // Written under another name and renamed when complete, so a file with the backup's name is
  // never a half-written one.
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });

  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES_AT_ONCE });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }

  const schemaVersion = finishCopy(partial);
  renameSync(partial, destination);
  return { file: destination, bytes: statSync(destination).size, schemaVersion };
}

/**
 * Turns the copy into one self-contained file (no -wal beside it to lose when it is moved) and
 * checks it reads back. Returns its schema version.
 */
function finishCopy(file: string): number {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The backup failed its integrity check (${String(check)}); the database may be damaged.`);
    return copy.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    copy.close();
    rmSync(file, { force: true });
    throw error;
  } finally {
    if (copy.open) copy.close();
  }
}
