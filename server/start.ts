// Starts a complete server from a config: opens and migrates the database, creates the first
// workspace if asked (demo or owner bootstrap), listens and prints the listening line.
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { LISTENING_LINE_PREFIX } from '../shared/http';
import { createServer } from './app';
import { hashPassword } from './auth/password';
import { hashToken, newToken } from './auth/tokens';
import { systemClock, type Clock } from './clock';
import { clientPageUrl } from './bookingSystem/integration.routes';
import type { ServerConfig } from './config';
import { migrate } from './db/migrate';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import { closeDatabase, openDatabase } from './db/open';
import { DEMO_CLIENTS, DEMO_LOGINS } from './demo/demoData';
import { startIdleMemoryTrim } from './idleMemory';
import { seedDemo, type DemoIds } from './demo/seed';
import { consoleLogger, type Logger } from './log';
import { createRepositories, type Repositories } from './repositories';
import { createFirstWorkspace } from './setup/firstWorkspace';

/** The database is empty and nothing says how to create the first workspace. */
export class EmptyDatabaseError extends Error {
  constructor(file: string) {
    super(
      `The database ${file} has no workspace yet. Start with --demo to try the demo salon, set ` +
        'INBOX_OWNER_EMAIL, INBOX_OWNER_NAME and INBOX_OWNER_PASSWORD to create your workspace owner, ' +
        'or start with --setup and set it up in the app on this computer.',
    );
    this.name = 'EmptyDatabaseError';
  }
}

export type StartOptions = {
  clock?: Clock;
  log?: Logger;
  /** Where the listening line and start-up hints go (stdout by default). */
  print?: (line: string) => void;
};

export type RunningServer = { url: string; close(): Promise<void> };

/** Demo clients whose client page links are printed at start-up. */
const HINTED_CLIENTS = ['grace', 'ava'] as const;

/** The demo (returned, for its hints), the owner from the environment, or — with --setup —
 * nothing yet: the app on this computer creates it (setup.routes.ts). */
async function firstWorkspaceAtStart(repos: Repositories, config: ServerConfig, clock: Clock, log: Logger): Promise<DemoIds | null> {
  if (config.demo) return seedDemo(repos, clock.now());
  if (!config.owner) {
    if (!config.setup) throw new EmptyDatabaseError(config.databaseFile);
    log.info('No workspace yet: waiting for it to be set up from the app on this computer');
    return null;
  }
  const { owner } = config;
  const passwordHash = await hashPassword(owner.password);
  createFirstWorkspace(
    repos,
    { workspaceName: config.workspaceName, country: config.workspaceCountry, locationName: null, owner: { name: owner.name, email: owner.email, passwordHash } },
    clock.now(),
  );
  return null;
}

function printDemoHints(print: (line: string) => void, repos: Repositories, demo: DemoIds, url: string, clock: Clock): void {
  print('Demo salon ready. Demo sign-ins:');
  for (const login of DEMO_LOGINS) print(`  ${login.email}  password: ${login.password}  (${login.who})`);
  for (const key of HINTED_CLIENTS) {
    const token = newToken();
    repos.clients.saveToken(demo.clients[key], hashToken(token), clock.now());
    print(`Client page for ${DEMO_CLIENTS[key].name} (client ${demo.clients[key]}): ${clientPageUrl(url, token)}`);
  }
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  // Refuse before touching the disk, so a mistyped --data-dir leaves nothing behind.
  if (!config.demo && !config.owner && !config.setup && !existsSync(config.databaseFile)) throw new EmptyDatabaseError(config.databaseFile);
  const db: Database = openDatabase(config.databaseFile, { cacheMb: config.sqliteCacheMb });
  let checkpointer: Checkpointer | null = null;
  try {
    const applied = migrate(db);
    if (applied.length > 0) log.info('Database migrated', { file: config.databaseFile, applied });
    const repos = createRepositories(db);
    const demo = repos.workspace.get() === null ? await firstWorkspaceAtStart(repos, config, clock, log) : null;

    const server = createServer({ db, clock, config, log });
    checkpointer = startCheckpointer(db, log);
    const running = checkpointer;
    const url = await server.listen();
    const idleTrim = startIdleMemoryTrim({ shrinkCaches: () => db.pragma('shrink_memory'), log });
    if (demo) printDemoHints(print, repos, demo, url, clock);
    // The stdout line is for launchers; this one is for whoever reads the logs.
    log.info('Listening', { url, host: config.host, dataDir: config.dataDir });
    print(`${LISTENING_LINE_PREFIX}${url}`);
    return {
      url,
      async close() {
        idleTrim.stop();
        await server.close();
        await running.stop();
        closeDatabase(db);
      },
    };
  } catch (error) {
    await checkpointer?.stop();
    closeDatabase(db);
    throw error;
  }
}
