// The stand-alone server (`npm run server`, out/main/server.js): parse the configuration,
// start, and shut down cleanly on SIGINT/SIGTERM.
import { parseConfig } from './config';
import { NewerDatabaseError } from './db/migrate';
import { consoleLogger } from './log';
import { EmptyDatabaseError, startServer, type RunningServer } from './start';

const EXIT_BAD_CONFIG = 2;
const EXIT_CANNOT_START = 1;

async function main(): Promise<void> {
  const outcome = parseConfig(process.argv.slice(2), process.env);
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

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info('Shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        consoleLogger.error('Shutdown failed', { error });
        process.exit(EXIT_CANNOT_START);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
