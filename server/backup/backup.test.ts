// The online backup: taken while the server's connection is open and writing, restored the way
// the README says, and served by a fresh server with the data intact.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes, signInResponseSchema } from '../../shared/http';
import { DATABASE_FILE_NAME } from '../config';
import { migrate } from '../db/migrate';
import { closeDatabase, openDatabase } from '../db/open';
import { DEMO_LOGINS } from '../demo/demoData';
import { seedDemo } from '../demo/seed';
import { createMemoryLogger } from '../log';
import { createRepositories, type Repositories } from '../repositories';
import { startServer } from '../start';
import { testConfig, TEST_START } from '../testing/testServer';
import { runBackupCommand, timestampedBackupName } from './backupCommand';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Row counts of every table, so the comparison holds whatever later migrations add. */
function rowCounts(db: Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number]));
}

async function backup(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBackupCommand(args, {}, { cwd: dir, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

function clientMessage(repos: Repositories, clientId: number, conversationId: number, senderMessageId: string, text: string) {
  return repos.messages.append({
    conversationId,
    sender: { kind: 'client', clientId },
    senderMessageId,
    appointmentId: null,
    text,
    createdAt: TEST_START + 60_000,
  });
}

describe('backup and restore', () => {
  it('copies a live database, WAL included, and a server started on the restored copy has everything', async () => {
    const dataDir = join(dir, 'data');
    const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
    migrate(db);
    const repos = createRepositories(db);
    const demo = seedDemo(repos, TEST_START);
    const ava = demo.clients.ava;
    const conversationId = demo.conversations.ava ?? repos.conversations.findOrCreate(ava, demo.locations.soho, TEST_START);
    clientMessage(repos, ava, conversationId, 'before-backup', 'Could I move Friday to 3pm?');
    // The newest writes sit in the WAL, not yet in inbox.sqlite3: the backup must still have them.
    expect(statSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`)).size).toBeGreaterThan(0);
    const countsAtBackup = rowCounts(db);

    const result = await backup(['--data-dir', 'data', '--to', 'backups/inbox-backup.sqlite3']);
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out[0]).toMatch(/^Backed up .*data[/\\]inbox\.sqlite3 to .*backups[/\\]inbox-backup\.sqlite3 \(\d+ KB, schema version \d+\)\.$/);
    // Written after the backup: must not be in it.
    clientMessage(repos, ava, conversationId, 'after-backup', 'Actually, never mind.');

    const backupFile = join(dir, 'backups', 'inbox-backup.sqlite3');
    expect(readdirSync(join(dir, 'backups'))).toEqual(['inbox-backup.sqlite3']);

    // Restore as the README says: into a stopped server's data folder, no -wal/-shm beside it.
    const restoredDir = join(dir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(backupFile, join(restoredDir, DATABASE_FILE_NAME));
    const beforeStart = openDatabase(join(restoredDir, DATABASE_FILE_NAME));
    expect(rowCounts(beforeStart)).toEqual(countsAtBackup);
    closeDatabase(beforeStart);

    const server = await startServer(testConfig(restoredDir), { log: createMemoryLogger(), print: () => {} });
    try {
      const [owner] = DEMO_LOGINS;
      const response = await fetch(`${server.url}${routes.signIn}`, {
        method: 'POST',
        body: JSON.stringify({ email: owner!.email, password: owner!.password }),
      });
      expect(response.status).toBe(200);
      expect(signInResponseSchema.parse(await response.json()).session.workspace.name).toBe('Lumen Hair Studio');
    } finally {
      await server.close();
    }

    const restored = openDatabase(join(restoredDir, DATABASE_FILE_NAME));
    try {
      const restoredRepos = createRepositories(restored);
      expect(restoredRepos.messages.findSent({ kind: 'client', clientId: ava }, 'before-backup')?.text).toBe('Could I move Friday to 3pm?');
      expect(restoredRepos.messages.findSent({ kind: 'client', clientId: ava }, 'after-backup')).toBeNull();
    } finally {
      closeDatabase(restored);
      closeDatabase(db);
    }
  });

  it('writes one self-contained file, named by the time when asked for a folder', async () => {
    const db = openDatabase(join(dir, 'data', DATABASE_FILE_NAME));
    migrate(db);
    try {
      const result = await backup(['--data-dir', 'data', '--to-dir', 'nightly']);
      expect(result.code).toBe(0);
      const [file, ...others] = readdirSync(join(dir, 'nightly'));
      expect(others).toEqual([]);
      expect(file).toMatch(/^inbox-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite3$/);
      const copy = openDatabase(':memory:');
      copy.exec(`ATTACH DATABASE '${join(dir, 'nightly', file!).replace(/'/g, "''")}' AS backup`);
      expect(copy.pragma('backup.journal_mode', { simple: true })).toBe('delete');
      copy.close();
    } finally {
      closeDatabase(db);
    }
    expect(timestampedBackupName(new Date(Date.UTC(2026, 2, 2, 9, 5, 7, 123)))).toBe('inbox-2026-03-02T09-05-07Z.sqlite3');
  });

  it('never overwrites a file, and creates nothing without a database', async () => {
    const db = openDatabase(join(dir, 'data', DATABASE_FILE_NAME));
    migrate(db);
    closeDatabase(db);
    writeFileSync(join(dir, 'taken.sqlite3'), 'an earlier backup');
    const taken = await backup(['--data-dir', 'data', '--to', 'taken.sqlite3']);
    expect(taken.code).toBe(1);
    expect(taken.err[0]).toMatch(/taken\.sqlite3 already exists; back up to a new file/);

    const missing = await backup(['--data-dir', 'nowhere', '--to', 'new.sqlite3']);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/^There is no inbox database at .*nowhere[/\\]inbox\.sqlite3; check --data-dir\.$/);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(existsSync(join(dir, 'new.sqlite3'))).toBe(false);
  });

  it('explains wrong usage with exit code 2', async () => {
    expect(await backup([])).toMatchObject({ code: 2, err: [expect.stringMatching(/either --to <file> or --to-dir <dir>/)] });
    expect(await backup(['--to', 'a', '--to-dir', 'b'])).toMatchObject({ code: 2 });
    expect(await backup(['--data', 'x'])).toMatchObject({ code: 2, err: [expect.stringMatching(/--data.*see backup --help/)] });
    expect((await backup(['--help'])).out[0]).toMatch(/^Usage: server backup/);
  });
});
