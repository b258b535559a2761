// `npm start`: the desktop app when Electron's binary is installed, otherwise the inbox served
// to a browser. Never imports 'electron', which would try to download the missing binary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT } from '../shared/http';
import { BROWSER_MODE_NOTICE, chooseLaunchMode } from './launcher/launchMode';
import { pickPort } from './launcher/pickPort';
import { runElectron } from './launcher/runElectron';

/** This file runs as out/main/launch.js, two levels below the project root. */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function readTextIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

async function launchElectron(binary: string): Promise<void> {
  const exit = await runElectron({ spawn, binary, projectRoot, env: process.env, signals: process });
  if (exit.signal) {
    // Die of the same signal, so whoever started `npm start` sees what happened to the app.
    process.kill(process.pid, exit.signal);
    return;
  }
  process.exit(exit.code ?? 1);
}

async function launchBrowserMode(): Promise<void> {
  console.log(BROWSER_MODE_NOTICE);
  // Loaded only here: the desktop app never needs the server (or SQLite) inside the launcher.
  const { browserModeReadyLine, BROWSER_MODE_HOST, startBrowserMode } = await import('./launcher/browserMode');
  const port = await pickPort(DEFAULT_PORT, BROWSER_MODE_HOST);
  const server = await startBrowserMode({ projectRoot, port, env: process.env });
  console.log(browserModeReadyLine(server.url));

  let stopping = false;
  const stop = () => {
    if (stopping) {
      // A second Ctrl+C means "now".
      process.exit(130);
    }
    stopping = true;
    console.log('Stopping the inbox server…');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The inbox server did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const files = { readText: readTextIfPresent, exists: existsSync };
  const mode = chooseLaunchMode(join(projectRoot, 'node_modules', 'electron'), files, process.env);
  if (mode.kind === 'electron') await launchElectron(mode.binary);
  else await launchBrowserMode();
}

main().catch((error: unknown) => {
  console.error(`Front Desk Inbox could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
