// Child processes of the bench: our real server and the raw baseline server, each started on
// 127.0.0.1 port 0 and found through the line it prints when listening.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LISTENING_LINE_PREFIX } from '../../shared/http';
import { SERVER_NODE_FLAGS, serverProcessEnv } from '../processEnvironment';
import { msSince } from './stats';

export type Child = {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first answered GET /api/health. */
  startMs: number;
  /** Resident set size now, in MB (Linux /proc; null elsewhere). */
  rssMb(): number | null;
  /** CPU time used so far by all its threads, in ms (Linux /proc; null elsewhere). */
  cpuMs(): number | null;
  stop(): Promise<void>;
};

/** How the child runs a TypeScript entry when no built file is wanted (tests, fresh clones). */
const JITI_CLI = join(process.cwd(), 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');

/** The built stand-alone server (`npm run build`), what `npm run server` runs. */
export const BUILT_SERVER = join(process.cwd(), 'out', 'main', 'server.js');
export const SOURCE_SERVER = join(process.cwd(), 'server', 'main.ts');
const RAW_SERVER = join(process.cwd(), 'server', 'bench', 'rawServer.mjs');

export const builtServerExists = () => existsSync(BUILT_SERVER);

function commandFor(entry: string): string[] {
  return entry.endsWith('.ts') ? [JITI_CLI, entry] : [entry];
}

function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Linux reports a process's CPU times in clock ticks of USER_HZ, 100 a second on every
 * mainstream build (it is part of the kernel's user-space ABI). */
const TICKS_PER_SECOND = 100;

function cpuMsOf(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`${url}/api/health did not answer in time`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Extra Node flags for our server only, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
 * to see where the server's time goes under the bench's load (the profile is written when the
 * server exits after SIGTERM). */
const serverNodeArgs = () => (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

export function startChild(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  listeningPrefix: string,
  timeoutMs = 120_000,
  nodeArgs: string[] = [],
): Promise<Child> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, ...commandFor(entry), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (error: Error) => {
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(new Error(`${entry} did not start in ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before listening\n${stderr}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(listeningPrefix));
      if (!line) return;
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      const url = line.slice(listeningPrefix.length).trim().split(/\s/)[0]!;
      waitForHealth(url, Date.now() + timeoutMs).then(
        () => {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          const pid = child.pid!;
          resolve({ url, pid, startMs: msSince(started), rssMb: () => rssOf(pid), cpuMs: () => cpuMsOf(pid), stop: stopper(child) });
        },
        (error: Error) => fail(error),
      );
    });
  });
}

/** Our server, started with the environment and Node flags the desktop app starts it with;
 * `embedded`: with the embedded server's settings too (its smaller SQLite caches). */
export function startInboxServer(entry: string, dataDir: string, staticDir: string, options: { embedded?: boolean } = {}): Promise<Child> {
  const args = ['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--static-dir', staticDir];
  // Benchmark clients send far more than a real client's per-link limit allows.
  const env = { ...serverProcessEnv(process.env, options), INBOX_CLIENT_MESSAGES_PER_MINUTE: '1000000' };
  return startChild(entry, args, env, LISTENING_LINE_PREFIX, undefined, [...SERVER_NODE_FLAGS, ...serverNodeArgs()]);
}

export function startRawServer(): Promise<Child> {
  return startChild(RAW_SERVER, [], process.env, 'Raw server listening on ');
}
