// `server.js backup`: the command line around backupDatabase, for IT's scripts and timers.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE_NAME, type Env } from '../config';
import { BackupError, backupDatabase } from './backup';

export const BACKUP_COMMAND = 'backup';

export const BACKUP_USAGE = `Usage: server backup [--data-dir <dir>] (--to <file> | --to-dir <dir>)

Copies the inbox database while the server keeps running.

  --data-dir <dir>   Where inbox.sqlite3 lives (INBOX_DATA_DIR, default ./data)
  --to <file>        The backup file to create; it must not exist yet
  --to-dir <dir>     Create inbox-<UTC date and time>.sqlite3 in this folder instead
  --help             Show this help

Exit codes: 0 backed up, 1 the backup failed, 2 wrong usage.`;

export const EXIT_BACKUP_FAILED = 1;
export const EXIT_USAGE = 2;

export type BackupCommandIo = {
  cwd?: string;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
};

/** inbox-2026-03-02T09-00-00Z.sqlite3: sorts by time and is a valid name on every OS. */
export function timestampedBackupName(now: Date): string {
  return `inbox-${now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.sqlite3`;
}

function readFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'data-dir': { type: 'string' },
      to: { type: 'string' },
      'to-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
}

/** Runs the command; resolves to the process exit code. */
export async function runBackupCommand(argv: string[], env: Env, io: BackupCommandIo = {}): Promise<number> {
  const { cwd = process.cwd(), now = () => new Date() } = io;
  const out = io.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io.err ?? ((line: string) => process.stderr.write(`${line}\n`));

  let flags: ReturnType<typeof readFlags>;
  try {
    flags = readFlags(argv);
  } catch (error) {
    err(`${(error as Error).message} (see backup --help)`);
    return EXIT_USAGE;
  }
  if (flags.help) {
    out(BACKUP_USAGE);
    return 0;
  }
  if ((flags.to === undefined) === (flags['to-dir'] === undefined)) {
    err('Say where to put the backup with either --to <file> or --to-dir <dir> (see backup --help).');
    return EXIT_USAGE;
  }

  const dataDir = resolve(cwd, flags['data-dir'] ?? (env.INBOX_DATA_DIR || './data'));
  const destination =
    flags.to !== undefined ? resolve(cwd, flags.to) : join(resolve(cwd, flags['to-dir'] ?? ''), timestampedBackupName(now()));
  try {
    const result = await backupDatabase(join(dataDir, DATABASE_FILE_NAME), destination);
    const size = Math.max(1, Math.round(result.bytes / 1024));
    out(`Backed up ${join(dataDir, DATABASE_FILE_NAME)} to ${result.file} (${size} KB, schema version ${result.schemaVersion}).`);
    return 0;
  } catch (error) {
    err(error instanceof BackupError ? error.message : `The backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_BACKUP_FAILED;
  }
}
