import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronEnv, runElectron, type SignalSource } from './runElectron';

// Node stands in for the Electron binary: `<binary> <projectRoot>` runs this script as the "app".
const FAKE_APP = `
const env = process.env;
console.log(JSON.stringify({ path: env.PATH, runAsNode: env.ELECTRON_RUN_AS_NODE ?? null }));
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
  it('never runs Electron as Node', () => {
    expect(electronEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' })).toEqual({ PATH: '/bin' });
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
      signals,
    });
    expect(exit).toEqual({ code: 7, signal: null });
    // Done forwarding: no listeners left on the launcher's process.
    expect(signals.eventNames()).toEqual([]);
  });

  it('passes the environment through, without ELECTRON_RUN_AS_NODE', async () => {
    let output = '';
    await runElectron({
      spawn: (command, args, options) => {
        const child = spawn(command, [...args, '0'], { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        return child;
      },
      binary: process.execPath,
      projectRoot: fakeApp,
      env: { ...process.env, PATH: '/opt/bin', ELECTRON_RUN_AS_NODE: '1' },
      signals: new FakeSignals(),
    });
    expect(JSON.parse(output)).toEqual({ path: '/opt/bin', runAsNode: null });
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
          signals: new FakeSignals(),
      }),
    ).rejects.toThrow(/ENOENT/);
  });
});
