// Shutdown requests: the sources in isolation, then the real server forked as the desktop app
// (or a service manager) runs it, asked to stop by message.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTENING_LINE_PREFIX } from '../shared/http';
import { onShutdownRequest, SHUTDOWN_REQUEST, type ShutdownSources } from './shutdown';

class FakeProcess extends EventEmitter {
  send: unknown = undefined;
  parentPort: EventEmitter | undefined = undefined;
}

function listen(proc: FakeProcess): string[] {
  const reasons: string[] = [];
  onShutdownRequest(proc as unknown as ShutdownSources, (reason) => reasons.push(reason));
  return reasons;
}

describe('onShutdownRequest', () => {
  it('stops once for SIGINT or SIGTERM, ignoring a second request while stopping', () => {
    const proc = new FakeProcess();
    const reasons = listen(proc);
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    expect(reasons).toEqual(['SIGTERM']);
  });

  it('honours the shutdown message from an Electron parent port', () => {
    const proc = new FakeProcess();
    proc.parentPort = new EventEmitter();
    const reasons = listen(proc);
    proc.parentPort.emit('message', { data: { type: 'something else' } });
    proc.parentPort.emit('message', { data: 'shutdown' });
    expect(reasons).toEqual([]);
    proc.parentPort.emit('message', { data: SHUTDOWN_REQUEST });
    expect(reasons).toEqual(['shutdown message from the desktop app']);
  });

  it('honours the shutdown message from a child_process parent, and only listens when one exists', () => {
    const withoutParent = new FakeProcess();
    listen(withoutParent);
    expect(withoutParent.listenerCount('message')).toBe(0);

    const proc = new FakeProcess();
    proc.send = () => true;
    const reasons = listen(proc);
    proc.emit('message', { type: 'shutdown' });
    expect(reasons).toEqual(['shutdown message from the parent process']);
  });
});

describe('the forked server', () => {
  const serverMain = fileURLToPath(new URL('./main.ts', import.meta.url));
  let dir: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-shutdown-'));
  });
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('shuts down cleanly when its parent asks by message: exit 0, WAL folded back', async () => {
    // jiti runs the TypeScript entry as is, so this is the same code out/main/server.js bundles.
    child = fork(serverMain, ['--port', '0', '--data-dir', dir, '--demo', '--static-dir', dir], {
      execArgv: ['--import', 'jiti/register'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const running = child;
    const stdout: string[] = [];
    const stderr: string[] = [];
    createInterface({ input: running.stderr! }).on('line', (line) => stderr.push(line));
    const url = await new Promise<string>((resolve, reject) => {
      running.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.join('\n')}`)));
      createInterface({ input: running.stdout! }).on('line', (line) => {
        stdout.push(line);
        if (line.startsWith(LISTENING_LINE_PREFIX)) resolve(line.slice(LISTENING_LINE_PREFIX.length));
      });
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(existsSync(join(dir, 'inbox.sqlite3-wal'))).toBe(true);

    const exited = new Promise<number | null>((resolve) => running.once('exit', resolve));
    running.send(SHUTDOWN_REQUEST);
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'inbox.sqlite3-wal'))).toBe(false);
    const shuttingDown = stderr.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'Shutting down');
    expect(shuttingDown).toMatchObject({ level: 'info', reason: 'shutdown message from the parent process' });
  });
});
