// The stand-alone server (`npm run server`, out/main/server.js): parse the configuration,
// start, and shut down cleanly when asked (signals, or a message from the desktop app).
// `server.js backup …` runs the online backup instead (see server/backup/).
import { BACKUP_COMMAND, runBackupCommand } from './backup/backupCommand';
import { parseConfig } from './config';
import { NewerDatabaseError } from './db/migrate';
import { consoleLogger } from './log';
import { onShutdownRequest, type ParentPortLike } from './shutdown';
import { EmptyDatabaseError, startServer, type RunningServer } from './start';

const EXIT_BAD_CONFIG = 2;
const EXIT_CANNOT_START = 1;

async function serve(argv: string[]): Promise<void> {
  const outcome = parseConfig(argv, process.env);
  if (outcome.kind === 'help') {
    process.stdout.write(`${outcome.text}\n`);
    return;
  }
  if (outcome.kind === 'error') {
    process.stderr.write(`${outcome.message}\n`);
    process.exit(EXIT_BAD_CONFIG);
  }

  let server: RunningServer;
  try {
    server = await startServer(outcome.config);
  } catch (error) {
    const { host, port } = outcome.config;
    if (error instanceof EmptyDatabaseError || error instanceof NewerDatabaseError) {
      process.stderr.write(`${error.message}\n`);
    } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`Port ${port} on ${host} is already in use: stop the other server or pass --port.\n`);
    } else {
      consoleLogger.error('The server could not start', { error });
    }
    process.exit(EXIT_CANNOT_START);
  }

  // Electron adds parentPort to process inside a utility process; Node's types do not know it.
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  onShutdownRequest({ on: process.on.bind(process), send: process.send, parentPort }, (reason) => {
    consoleLogger.info('Shutting down', { reason });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        consoleLogger.error('Shutdown failed', { error });
        process.exit(EXIT_CANNOT_START);
      },
    );
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === BACKUP_COMMAND) {
    process.exitCode = await runBackupCommand(argv.slice(1), process.env);
    return;
  }
  await serve(argv);
}

void main();
