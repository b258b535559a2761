// startEmbeddedServer against the real inbox server (not a stand-in): the arguments we pass,
// the listening line we parse and the shutdown message we send are the ones it understands.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { routes, setupStateSchema } from '../../shared/http';
import { startEmbeddedServer, type ForkServer } from './serverProcess';

const serverMain = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

let dir: string;
let child: ChildProcess | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-embedded-'));
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Node's fork in place of utilityProcess.fork; jiti runs the TypeScript entry as is. */
const forkRealServer: ForkServer = (modulePath, args) => {
  const forked = fork(modulePath, [...args], { execArgv: ['--import', 'jiti/register'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child = forked;
  return Object.assign(forked, { postMessage: (message: unknown) => forked.send(message as object) });
};

it('starts the real server, reaches it, and stops it by message with the database closed cleanly', async () => {
  const lines: string[] = [];
  const server = await startEmbeddedServer({
    fork: forkRealServer,
    serverScript: serverMain,
    dataDir: join(dir, 'data'),
    staticDir: dir,
    firstRun: 'setup',
    log: (line) => lines.push(line),
  });
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await fetch(`${server.url}${routes.health}`)).status).toBe(200);
  // As an installed app starts it on a new computer: waiting for the first-run screen.
  expect(setupStateSchema.parse(await (await fetch(`${server.url}${routes.setup}`)).json())).toEqual({ required: true, available: true });

  await server.stop();
  expect(child?.exitCode).toBe(0);
  expect(lines.filter((line) => line.includes('did not stop'))).toEqual([]);
  expect(lines.some((line) => line.includes('"msg":"Shutting down"'))).toBe(true);
  expect(existsSync(join(dir, 'data', 'inbox.sqlite3'))).toBe(true);
  expect(existsSync(join(dir, 'data', 'inbox.sqlite3-wal'))).toBe(false);
});
