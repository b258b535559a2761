import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';
import { LISTENING_LINE_PREFIX } from '../../shared/http';
import {
  embeddedListenAddress,
  embeddedServerArgs,
  parseListeningLine,
  startEmbeddedServer,
  stopServerOnQuit,
  type ForkServer,
} from './serverProcess';

// A stand-in for out/main/server.js: a real HTTP server on 127.0.0.1:0 that prints the
// listening line the way the inbox server does. FAKE_MODE picks how it misbehaves.
const FAKE_SERVER = `
import { createServer } from 'node:http';
const mode = process.env.FAKE_MODE;
console.log('args ' + JSON.stringify(process.argv.slice(2)));
if (mode === 'crash') {
  console.error('Error: database is locked');
  process.exit(3);
}
if (mode === 'ignore-stop') process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
const server = createServer((_req, res) => res.end('ok'));
if (mode !== 'hang') {
  server.listen(0, '127.0.0.1', () => {
    console.log('migrations applied');
    console.log(${JSON.stringify(LISTENING_LINE_PREFIX)} + 'http://127.0.0.1:' + server.address().port);
  });
} else {
  setInterval(() => {}, 1000);
}
if (mode !== 'ignore-stop') {
  process.on('SIGTERM', () => { console.log('shutting down on SIGTERM'); server.close(() => process.exit(0)); });
}
// 'deaf' plays a server that does not know the shutdown message, so only kill() stops it.
process.on('message', (message) => {
  console.log('message ' + JSON.stringify(message));
  if (mode === 'ready' && message.type === 'shutdown') {
    console.log('shutting down on request');
    server.close(() => process.exit(0));
  }
});
`;

let workDir: string;
let serverScript: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'inbox-server-process-'));
  serverScript = join(workDir, 'fake-server.mjs');
  writeFileSync(serverScript, FAKE_SERVER);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The same contract utilityProcess.fork fulfils in the app, with Node's child_process.fork. */
function forkWithMode(mode: string): ForkServer {
  return (modulePath, args) => {
    const child = fork(modulePath, [...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, FAKE_MODE: mode },
    });
    children.push(child);
    return Object.assign(child, { postMessage: (message: unknown) => child.send(message as object) });
  };
}

function exitOf(child: ChildProcess | undefined): Promise<void> {
  if (!child) throw new Error('no child was forked');
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

describe('parseListeningLine', () => {
  it('reads the base URL from the listening line only', () => {
    expect(parseListeningLine(`${LISTENING_LINE_PREFIX}http://127.0.0.1:51234`)).toBe('http://127.0.0.1:51234');
    expect(parseListeningLine(`[info] ${LISTENING_LINE_PREFIX}http://127.0.0.1:1/ (demo)`)).toBe('http://127.0.0.1:1');
    expect(parseListeningLine('migrations applied')).toBeNull();
    expect(parseListeningLine(`${LISTENING_LINE_PREFIX}soon`)).toBeNull();
    expect(parseListeningLine(`${LISTENING_LINE_PREFIX}file:///etc/passwd`)).toBeNull();
  });
});

describe('embeddedListenAddress', () => {
  it('keeps the server to this computer on a free port unless IT allows the network', () => {
    expect(embeddedListenAddress({ allowLanConnections: false, port: null })).toEqual({ host: '127.0.0.1', port: 0 });
    expect(embeddedListenAddress({ allowLanConnections: false, port: 4799 })).toEqual({ host: '127.0.0.1', port: 4799 });
  });

  it('listens on every interface, on a port the other computers can rely on, when allowed', () => {
    expect(embeddedListenAddress({ allowLanConnections: true, port: null })).toEqual({ host: '0.0.0.0', port: 4780 });
    expect(embeddedListenAddress({ allowLanConnections: true, port: 8080 })).toEqual({ host: '0.0.0.0', port: 8080 });
  });
});

describe('embeddedServerArgs', () => {
  it('adds each extra origin as its own flag', () => {
    expect(embeddedServerArgs({ dataDir: '/d', staticDir: '/s', firstRun: 'demo', allowOrigins: ['http://localhost:5173'] })).toEqual([
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      '/d',
      '--demo',
      '--static-dir',
      '/s',
      '--allow-origin',
      'http://localhost:5173',
    ]);
  });

  it('are arguments the inbox server accepts, meaning what we intend', () => {
    const outcome = parseConfig(
      embeddedServerArgs({ dataDir: '/data', staticDir: '/app/out/renderer', firstRun: 'demo', allowOrigins: ['http://localhost:5173'] }),
      {},
    );
    expect(outcome).toMatchObject({
      kind: 'config',
      config: {
        host: '127.0.0.1',
        port: 0,
        dataDir: resolve('/data'),
        demo: true,
        staticDir: resolve('/app/out/renderer'),
        extraAllowedOrigins: ['http://localhost:5173'],
      },
    });
    const lan = parseConfig(
      embeddedServerArgs({ dataDir: '/data', staticDir: '/s', firstRun: 'demo', listen: embeddedListenAddress({ allowLanConnections: true, port: 4790 }) }),
      {},
    );
    expect(lan).toMatchObject({ kind: 'config', config: { host: '0.0.0.0', port: 4790 } });
    // An installed app starts a real business: the first-run screen, not the demo.
    const installed = parseConfig(embeddedServerArgs({ dataDir: '/data', staticDir: '/s', firstRun: 'setup' }), {});
    expect(installed).toMatchObject({ kind: 'config', config: { demo: false, setup: true } });
  });
});

describe('startEmbeddedServer', () => {
  it('starts the server with our arguments, learns its URL and stops it', async () => {
    const lines: string[] = [];
    const server = await startEmbeddedServer({
      fork: forkWithMode('ready'),
      serverScript,
      dataDir: join(workDir, 'data'),
      staticDir: join(workDir, 'renderer'),
      firstRun: 'demo',
      log: (line) => lines.push(line),
    });

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await httpGet(server.url)).toBe('ok');
    const expectedArgs = ['--host', '127.0.0.1', '--port', '0', '--data-dir', join(workDir, 'data'), '--demo', '--static-dir', join(workDir, 'renderer')];
    expect(lines).toContain(`args ${JSON.stringify(expectedArgs)}`);

    await server.stop();
    expect(children[0]?.exitCode).toBe(0);
    // Asked by message, so it never needed killing (which Windows does abruptly).
    expect(lines).toContain('message {"type":"shutdown"}');
    expect(lines).toContain('shutting down on request');
    expect(lines).not.toContain('shutting down on SIGTERM');
  });

  it('kills a server that does not stop when asked', async () => {
    const lines: string[] = [];
    const server = await startEmbeddedServer({
      fork: forkWithMode('deaf'),
      serverScript,
      dataDir: workDir,
      staticDir: workDir,
      firstRun: 'demo',
      stopTimeoutMs: 300,
      log: (line) => lines.push(line),
    });
    await server.stop();
    expect(lines).toContain('The inbox server did not stop within 300 ms of being asked; stopping it.');
    expect(lines).toContain('shutting down on SIGTERM');
    expect(children[0]?.exitCode).toBe(0);
  });

  it('rejects with the exit code and the server’s last words when it dies while starting', async () => {
    const start = startEmbeddedServer({
      fork: forkWithMode('crash'),
      serverScript,
      dataDir: workDir,
      staticDir: workDir,
      firstRun: 'demo',
    });
    await expect(start).rejects.toThrow(/stopped before it was ready \(exit code 3\)/);
    await expect(start).rejects.toThrow(/database is locked/);
  });

  it('gives up with a clear error when the server never says it is listening, and stops it', async () => {
    const lines: string[] = [];
    const start = startEmbeddedServer({
      fork: forkWithMode('hang'),
      serverScript,
      dataDir: workDir,
      staticDir: workDir,
      firstRun: 'demo',
      startTimeoutMs: 1_500,
      log: (line) => lines.push(line),
    });
    await expect(start).rejects.toThrow('The inbox server did not start within 2 seconds.');
    await exitOf(children[0]);
    expect(lines).toContain('shutting down on SIGTERM');
  });

  it('does not hang quitting when the server ignores the request to stop', async () => {
    const lines: string[] = [];
    const server = await startEmbeddedServer({
      fork: forkWithMode('ignore-stop'),
      serverScript,
      dataDir: workDir,
      staticDir: workDir,
      firstRun: 'demo',
      stopTimeoutMs: 200,
      killTimeoutMs: 200,
      log: (line) => lines.push(line),
    });
    await server.stop();
    expect(lines).toContain('The inbox server did not exit within 200 ms of being stopped; leaving it to the OS.');
  });

  it('reports an exit the app did not ask for', async () => {
    let unexpectedExitCode: number | null | undefined;
    const server = await startEmbeddedServer({
      fork: forkWithMode('ready'),
      serverScript,
      dataDir: workDir,
      staticDir: workDir,
      firstRun: 'demo',
      onUnexpectedExit: (code) => (unexpectedExitCode = code),
    });
    expect(server.url).toMatch(/^http:/);
    children[0]?.kill('SIGKILL');
    await exitOf(children[0]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unexpectedExitCode).toBeNull();
  });
});

describe('stopServerOnQuit', () => {
  it('holds the quit until the server has stopped, then quits for real', async () => {
    let willQuit: ((event: { preventDefault(): void }) => void) | undefined;
    const steps: string[] = [];
    let finishStopping: () => void = () => {};
    stopServerOnQuit(
      {
        on: (_event, listener) => (willQuit = listener),
        quit: () => {
          steps.push('quit');
          willQuit?.({ preventDefault: () => steps.push('prevented again') });
        },
      },
      {
        url: 'http://127.0.0.1:1',
        stop: () => {
          steps.push('stop');
          return new Promise<void>((resolve) => (finishStopping = resolve));
        },
      },
    );

    willQuit?.({ preventDefault: () => steps.push('prevented') });
    expect(steps).toEqual(['prevented', 'stop']);
    finishStopping();
    await new Promise((resolve) => setImmediate(resolve));
    expect(steps).toEqual(['prevented', 'stop', 'quit']);
  });
});
