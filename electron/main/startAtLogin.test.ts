import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyStartAtLogin,
  AUTOSTART_FILE_NAME,
  autostartEntry,
  describeStartAtLogin,
  xdgAutostartDir,
  type StartAtLoginOptions,
} from './startAtLogin';
import { writeFileSync } from 'node:fs';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'inbox-login-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function setup(overrides: Partial<StartAtLoginOptions>) {
  const calls: { openAtLogin: boolean }[] = [];
  const autostartDir = join(home, '.config', 'autostart');
  const options: StartAtLoginOptions = {
    platform: 'win32',
    packaged: true,
    startAtLogin: true,
    locked: true,
    app: { setLoginItemSettings: (settings) => calls.push(settings) },
    linux: { autostartDir, executable: '/opt/Front Desk Inbox/front-desk-inbox' },
    ...overrides,
  };
  return { calls, outcome: applyStartAtLogin(options), autostartFile: join(autostartDir, AUTOSTART_FILE_NAME) };
}

describe('applyStartAtLogin', () => {
  it('registers the app on Windows and macOS when IT turned it on, and unregisters it when off', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(setup({ platform }).calls).toEqual([{ openAtLogin: true }]);
      const off = setup({ platform, startAtLogin: false });
      expect(off.calls).toEqual([{ openAtLogin: false }]);
      expect(off.outcome).toEqual({ kind: 'applied', openAtLogin: false });
    }
  });

  it('leaves the user’s own choice alone when IT did not set it', () => {
    const { calls, outcome } = setup({ locked: false });
    expect(calls).toEqual([]);
    expect(outcome).toEqual({ kind: 'skipped', reason: 'not set in the managed configuration' });
  });

  it('never registers a development build', () => {
    const { calls, outcome } = setup({ packaged: false });
    expect(calls).toEqual([]);
    expect(outcome.kind).toBe('skipped');
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const on = setup({ platform: 'linux' });
    expect(on.calls).toEqual([]);
    expect(readFileSync(on.autostartFile, 'utf8')).toContain('Exec="/opt/Front Desk Inbox/front-desk-inbox"\n');

    const off = setup({ platform: 'linux', startAtLogin: false });
    expect(existsSync(off.autostartFile)).toBe(false);
    // Turning it off when it was never on is fine too.
    expect(setup({ platform: 'linux', startAtLogin: false }).outcome).toEqual({ kind: 'applied', openAtLogin: false });
  });

  it('reports a failure instead of throwing, so the app still starts', () => {
    const blocker = join(home, 'not-a-folder');
    writeFileSync(blocker, '');
    const { outcome } = setup({ platform: 'linux', linux: { autostartDir: join(blocker, 'autostart'), executable: '/x' } });
    expect(outcome.kind).toBe('failed');
    expect(describeStartAtLogin(outcome)).toMatch(/^Could not apply IT's start-at-login setting: /);
    expect(describeStartAtLogin({ kind: 'applied', openAtLogin: true })).toBe('Start at login turned on, as IT configured.');
  });
});

describe('the Linux autostart entry', () => {
  it('quotes the executable as the desktop entry spec asks', () => {
    const entry = autostartEntry('/home/ann/Apps/Inbox "new" $1.AppImage');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Front Desk Inbox\n/);
    expect(entry).toContain('Exec="/home/ann/Apps/Inbox \\"new\\" \\$1.AppImage"\n');
  });

  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(xdgAutostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/autostart');
    expect(xdgAutostartDir({}, '/home/ann')).toBe('/home/ann/.config/autostart');
  });
});
