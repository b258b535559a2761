import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_NODE_ENV } from '../main/serverProcess';
import { electronEnv, runElectron, type SignalSource } from './runElectron';

// Node stands in for the Electron binary: `<binary> <projectRoot>` runs this script as the "app".
const FAKE_APP = `
const env = process.env;
console.log(JSON.stringify({ devNode: env.${DEV_NODE_ENV}, runAsNode: env.ELECTRON_RUN_AS_NODE ?? null }));
if (process.argv[2] === undefined) setInterval(() => {}, 1000);
else process.exit(Number(process.argv[2]));
`;

let workDir: string;
let fakeApp: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'inbox-launch-'));
  fakeApp = join(workDir, 'fake-app.cjs');
  writeFileSync(fakeApp, FAKE_APP);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

class FakeSignals extends EventEmitter implements SignalSource {}

describe('electronEnv', () => {
  it('tells the app which Node to run its server on, and never runs Electron as Node', () => {
    expect(electronEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' }, '/usr/bin/node')).toEqual({
      PATH: '/bin',
      [DEV_NODE_ENV]: '/usr/bin/node',
    });
  });
});

describe('runElectron', () => {
  it('runs the binary on the project folder and reports its exit code', async () => {
    const signals = new FakeSignals();
    const exit = await runElectron({
      spawn: (command, args, options) => spawn(command, [...args, '7'], { ...options, stdio: 'ignore' }),
      binary: process.execPath,
      projectRoot: fakeApp,
      env: process.env,
      nodePath: '/usr/bin/node',
      signals,
    });
    expect(exit).toEqual({ code: 7, signal: null });
    // Done forwarding: no listeners left on the launcher's process.
    expect(signals.eventNames()).toEqual([]);
  });

  it('passes the environment through, with the Node path and without ELECTRON_RUN_AS_NODE', async () => {
    let output = '';
    await runElectron({
      spawn: (command, args, options) => {
        const child = spawn(command, [...args, '0'], { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        return child;
      },
      binary: process.execPath,
      projectRoot: fakeApp,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      nodePath: '/opt/node/bin/node',
      signals: new FakeSignals(),
    });
    expect(JSON.parse(output)).toEqual({ devNode: '/opt/node/bin/node', runAsNode: null });
  });

  it('forwards a stop signal to the app and reports it', async () => {
    const signals = new FakeSignals();
    const running = runElectron({
      spawn: (command, args, options) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
        // Signal once the fake app is up, as a user pressing Ctrl+C would.
        child.stdout?.once('data', () => signals.emit('SIGTERM'));
        return child;
      },
      binary: process.execPath,
      projectRoot: fakeApp,
      env: process.env,
      nodePath: process.execPath,
      signals,
    });
    expect(await running).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('rejects when the binary cannot be started at all', async () => {
    await expect(
      runElectron({
        spawn,
        binary: join(workDir, 'no-such-electron'),
        projectRoot: workDir,
        env: process.env,
        nodePath: process.execPath,
        signals: new FakeSignals(),
      }),
    ).rejects.toThrow(/ENOENT/);
  });
});
