import { describe, expect, it } from 'vitest';
import { managedConfigViewSchema } from '../../shared/ipc';
import { resolveServerLocation, SERVER_URL_ENV } from './config';
import {
  DEFAULT_SETTINGS,
  effectiveSettings,
  loadManagedConfig,
  lockedSettings,
  MANAGED_CONFIG_ENV,
  managedConfigPath,
  managedConfigProblemDialog,
  managedConfigView,
  parseManagedConfig,
  type LoadedManagedConfig,
} from './managedConfig';

const PATH = '/etc/front-desk-inbox/config.json';

function enoent(path: string): never {
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

/** A file system holding just these files. */
const filesOf =
  (files: Record<string, string>) =>
  (path: string): string =>
    files[path] ?? enoent(path);

function problemOf(text: string): string {
  const loaded = parseManagedConfig(PATH, text);
  if (loaded.problem === null) throw new Error(`expected ${text} to be refused`);
  expect(loaded.values).toEqual({});
  return loaded.problem;
}

describe('managedConfigPath', () => {
  it('is the system-wide location of each OS', () => {
    expect(managedConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\FrontDeskInbox\\config.json');
    expect(managedConfigPath('win32', {})).toBe('C:\\ProgramData\\FrontDeskInbox\\config.json');
    expect(managedConfigPath('darwin', {})).toBe('/Library/Application Support/FrontDeskInbox/config.json');
    expect(managedConfigPath('linux', {})).toBe('/etc/front-desk-inbox/config.json');
  });

  it('can be pointed elsewhere through the environment', () => {
    expect(managedConfigPath('win32', { [MANAGED_CONFIG_ENV]: ' C:\\IT\\inbox.json ' })).toBe('C:\\IT\\inbox.json');
    expect(managedConfigPath('linux', { [MANAGED_CONFIG_ENV]: '' })).toBe(PATH);
  });
});

describe('loadManagedConfig', () => {
  it('uses the defaults, quietly, when there is no file', () => {
    const loaded = loadManagedConfig({ platform: 'linux', env: {}, readText: filesOf({}) });
    expect(loaded).toEqual({ path: PATH, values: {}, problem: null });
    expect(effectiveSettings(loaded.values)).toEqual(DEFAULT_SETTINGS);
    expect(lockedSettings(loaded.values)).toEqual([]);
  });

  it('reads a valid file with every setting', () => {
    const file = {
      serverMode: 'embedded',
      location: 'Soho',
      startAtLogin: true,
      startMinimized: true,
      autoUpdate: false,
      updateUrl: 'https://files.salon.example/inbox/',
      allowLanConnections: true,
      port: 4790,
      autoLockMinutes: 2,
    };
    const loaded = loadManagedConfig({ platform: 'linux', env: {}, readText: filesOf({ [PATH]: JSON.stringify(file) }) });
    expect(loaded.problem).toBeNull();
    expect(effectiveSettings(loaded.values)).toEqual({ ...file, serverUrl: null });
  });

  it('reads the file the environment names instead, and complains when it is missing', () => {
    const env = { [MANAGED_CONFIG_ENV]: '/srv/it/inbox.json' };
    const loaded = loadManagedConfig({ platform: 'linux', env, readText: filesOf({ '/srv/it/inbox.json': '{"location": 2}' }) });
    expect(loaded).toEqual({ path: '/srv/it/inbox.json', values: { location: 2 }, problem: null });

    const missing = loadManagedConfig({ platform: 'linux', env, readText: filesOf({}) });
    expect(missing.values).toEqual({});
    expect(missing.problem).toMatch(/^The managed configuration \/srv\/it\/inbox.json was ignored, .*\n- it could not be read \(ENOENT/);
  });

  it('reports a file it cannot read instead of failing', () => {
    const readText = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(loadManagedConfig({ platform: 'darwin', env: {}, readText }).problem).toContain('could not be read (EACCES: permission denied)');
  });
});

describe('parseManagedConfig', () => {
  it('accepts a file saved with a byte-order mark (Windows Notepad)', () => {
    expect(parseManagedConfig(PATH, '\uFEFF{"startAtLogin": true}')).toEqual({ path: PATH, values: { startAtLogin: true }, problem: null });
  });

  it('explains broken JSON and falls back to the defaults', () => {
    const problem = problemOf('{"startAtLogin": true,}');
    expect(problem).toMatch(/^The managed configuration \/etc\/front-desk-inbox\/config.json was ignored, so the app started with its default settings:\n- it is not valid JSON \(/);
    expect(problemOf('')).toContain('not valid JSON');
    expect(problemOf('[]')).toContain('the file must contain one JSON object');
  });

  it('names an unknown key and lists the known ones', () => {
    const problem = problemOf('{"startMinimised": true, "startAtLogin": true}');
    expect(problem).toContain('unknown setting "startMinimised"; the known settings are serverMode, serverUrl, location, startAtLogin, startMinimized');
  });

  it('names every invalid value at once', () => {
    const problem = problemOf('{"startAtLogin": "yes", "port": 70000, "location": 2.5, "serverMode": "cloud"}');
    expect(problem).toContain('- "startAtLogin" must be true or false');
    expect(problem).toContain('- "port" must be a whole number from 1 to 65535');
    expect(problem).toContain('- "location" must be a location id (a whole number) or a location name');
    expect(problem).toContain('- "serverMode" must be "embedded" or "remote"');
  });

  it('lets IT set the auto-lock time but not switch locking off', () => {
    expect(parseManagedConfig(PATH, '{"autoLockMinutes": 10}').values).toEqual({ autoLockMinutes: 10 });
    expect(lockedSettings({ autoLockMinutes: 10 })).toEqual(['autoLockMinutes']);
    expect(effectiveSettings({}).autoLockMinutes).toBe(5);
    for (const value of ['0', '2.5', '"5"', '1441']) {
      expect(problemOf(`{"autoLockMinutes": ${value}}`)).toContain('- "autoLockMinutes" must be a whole number of minutes from 1 to 1440');
    }
  });

  it('checks the server address the way INBOX_SERVER_URL is checked', () => {
    expect(problemOf('{"serverUrl": "http://192.168.1.20:4780"}')).toContain('- "serverUrl" ("http://192.168.1.20:4780") must use https://');
    expect(problemOf('{"serverUrl": 4780}')).toContain('"serverUrl" must be a web address in quotes');
    expect(parseManagedConfig(PATH, '{"serverUrl": "https://Inbox.Salon.example/"}').values).toEqual({ serverUrl: 'https://inbox.salon.example' });
  });

  it('refuses settings that contradict the server mode', () => {
    expect(problemOf('{"serverMode": "remote"}')).toContain('"serverUrl" is required when "serverMode" is "remote"');
    expect(problemOf('{"serverMode": "embedded", "serverUrl": "https://inbox.salon.example"}')).toContain('"serverUrl" only applies when "serverMode" is "remote"');
    expect(problemOf('{"serverUrl": "https://inbox.salon.example", "port": 4780}')).toContain('"port" only applies when this computer hosts the server');
  });
});

describe('locked settings', () => {
  it('are exactly the ones the file sets, the server choice as a pair', () => {
    expect(lockedSettings({ startAtLogin: false, autoUpdate: true })).toEqual(['startAtLogin', 'autoUpdate']);
    expect(lockedSettings({ serverUrl: 'https://inbox.salon.example' })).toEqual(['serverMode', 'serverUrl']);
    expect(lockedSettings({ serverMode: 'embedded', port: 4780 })).toEqual(['serverMode', 'serverUrl', 'port']);
  });

  it('a server address alone means remote mode', () => {
    expect(effectiveSettings({ serverUrl: 'https://inbox.salon.example' })).toMatchObject({
      serverMode: 'remote',
      serverUrl: 'https://inbox.salon.example',
    });
  });
});

describe('the server choice: INBOX_SERVER_URL, then the file, then embedded', () => {
  const remoteFile: LoadedManagedConfig = { path: PATH, values: { serverUrl: 'https://inbox.salon.example', startAtLogin: true }, problem: null };

  it('uses the file’s server when the environment does not set one', () => {
    const location = resolveServerLocation({ env: {}, managed: remoteFile });
    expect(location).toEqual({ ok: true, location: { kind: 'remote', url: 'https://inbox.salon.example', source: PATH } });
    if (!location.ok) return;
    const view = managedConfigView(remoteFile, location.location);
    expect(managedConfigViewSchema.parse(view)).toEqual({
      settings: { ...DEFAULT_SETTINGS, serverMode: 'remote', serverUrl: 'https://inbox.salon.example', startAtLogin: true },
      locked: ['serverMode', 'serverUrl', 'startAtLogin'],
      problem: null,
    });
  });

  it('lets INBOX_SERVER_URL override the file, and locks the server choice', () => {
    const env = { [SERVER_URL_ENV]: 'https://other.salon.example' };
    const embeddedFile: LoadedManagedConfig = { path: PATH, values: { startMinimized: true }, problem: null };
    for (const managed of [remoteFile, embeddedFile]) {
      const location = resolveServerLocation({ env, managed });
      expect(location).toEqual({ ok: true, location: { kind: 'remote', url: 'https://other.salon.example', source: SERVER_URL_ENV } });
      if (!location.ok) return;
      const view = managedConfigView(managed, location.location);
      expect(view.settings).toMatchObject({ serverMode: 'remote', serverUrl: 'https://other.salon.example' });
      expect(view.locked.slice(0, 2)).toEqual(['serverMode', 'serverUrl']);
    }
  });

  it('embeds the server with a file that says so, or a broken one, and passes the problem on', () => {
    const broken = parseManagedConfig(PATH, '{');
    const location = resolveServerLocation({ env: {}, managed: broken });
    expect(location).toEqual({ ok: true, location: { kind: 'embedded' } });
    if (!location.ok) return;
    expect(managedConfigView(broken, location.location)).toEqual({ settings: DEFAULT_SETTINGS, locked: [], problem: broken.problem });
  });
});

describe('managedConfigProblemDialog', () => {
  it('says what happened and carries the problem', () => {
    const { problem } = parseManagedConfig(PATH, '{');
    const dialog = managedConfigProblemDialog(problem ?? '');
    expect(dialog.message).toBe('The settings your IT team prepared for this computer could not be used.');
    expect(dialog.detail).toContain(`The managed configuration ${PATH} was ignored`);
  });
});
