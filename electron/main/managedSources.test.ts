// Where managed settings come from: the OS policy (Group Policy on Windows, a configuration
// profile on macOS) over the JSON file, key by key, each source checked strictly and whole.
import { describe, expect, it } from 'vitest';
import { resolveServerLocation } from './config';
import { MAC_MANAGED_PREFERENCES } from './macManagedPreferences';
import { effectiveSettings } from './managedConfig';
import { loadManagedSettings, type CommandRunner } from './managedSources';
import { parseRegQuery, WINDOWS_POLICY_KEY } from './windowsPolicy';

const WINDOWS_FILE = 'C:\\ProgramData\\FrontDeskInbox\\config.json';
const MAC_FILE = '/Library/Application Support/FrontDeskInbox/config.json';

function enoent(path: string): never {
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}
const filesOf =
  (files: Record<string, string>) =>
  (path: string): string =>
    files[path] ?? enoent(path);

/** `reg query` as Windows answers it, for the policy key holding these values. */
function regAnswer(lines: string[]): CommandRunner {
  return (command, args) => {
    expect([command, ...args]).toEqual(['reg', 'query', WINDOWS_POLICY_KEY, '/reg:64']);
    const stdout = ['', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\FrontDeskInbox\\FrontDeskInbox', ...lines.map((line) => `    ${line}`), '', ''].join('\r\n');
    return { status: 0, stdout, stderr: '' };
  };
}
const noPolicyKey: CommandRunner = () => ({ status: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' });
const notRun: CommandRunner = () => {
  throw new Error('no command expected');
};

const windows = (run: CommandRunner, files: Record<string, string> = {}) => loadManagedSettings({ platform: 'win32', env: {}, readText: filesOf(files), run });
const plist = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>${body}</dict></plist>`;

describe('Windows Group Policy', () => {
  it('reads DWORDs as on/off and numbers and strings as text, with the strict check', () => {
    const loaded = windows(
      regAnswer([
        'serverUrl    REG_SZ    https://Inbox.Salon.example/',
        'location    REG_SZ    2',
        'startAtLogin    REG_DWORD    0x1',
        'startMinimized    REG_DWORD    0x0',
        'autoUpdate    REG_DWORD    0x0',
        'autoLockMinutes    REG_DWORD    0xa',
      ]),
    );
    expect(loaded.problem).toBeNull();
    expect(loaded.values).toEqual({
      serverUrl: 'https://inbox.salon.example',
      location: 2,
      startAtLogin: true,
      startMinimized: false,
      autoUpdate: false,
      autoLockMinutes: 10,
    });
    expect(loaded.sources).toEqual([
      { name: 'Group Policy', location: WINDOWS_POLICY_KEY, state: 'used', keys: ['serverUrl', 'location', 'startAtLogin', 'startMinimized', 'autoUpdate', 'autoLockMinutes'], problem: null },
      { name: 'Configuration file', location: WINDOWS_FILE, state: 'absent', keys: [], problem: null },
    ]);
    // The server address came from the policy, and says so.
    expect(resolveServerLocation({ env: {}, managed: loaded })).toEqual({
      ok: true,
      location: { kind: 'remote', url: 'https://inbox.salon.example', source: `Group Policy (${WINDOWS_POLICY_KEY})` },
    });
  });

  it('is absent when the policy key does not exist', () => {
    const loaded = windows(noPolicyKey, { [WINDOWS_FILE]: '{"startAtLogin": true}' });
    expect(loaded.values).toEqual({ startAtLogin: true });
    expect(loaded.sources.map((source) => source.state)).toEqual(['absent', 'used']);
  });

  it('ignores the whole policy for one bad value, says why, and keeps the file', () => {
    const loaded = windows(regAnswer(['startAtLogin    REG_DWORD    0x2', 'port    REG_SZ    4780', 'autoLockMinutes    REG_DWORD    0x3']), {
      [WINDOWS_FILE]: '{"startMinimized": true}',
    });
    expect(loaded.values).toEqual({ startMinimized: true });
    expect(loaded.problem).toContain(`The Group Policy settings (${WINDOWS_POLICY_KEY}) were ignored, so the app started without them:`);
    expect(loaded.problem).toContain('- "startAtLogin" must be true or false');
    expect(loaded.problem).toContain('- "port" must be a whole number from 1 to 65535');
    expect(loaded.sources[0]).toMatchObject({ state: 'ignored', keys: [] });
  });

  it('names unknown values and registry types it cannot use', () => {
    expect(windows(regAnswer(['startMinimised    REG_DWORD    0x1'])).problem).toContain('unknown setting "startMinimised"');
    expect(windows(regAnswer(['location    REG_MULTI_SZ    Soho\\0Camden'])).problem).toContain('"location" is a REG_MULTI_SZ value; it must be REG_SZ (or REG_DWORD for an id)');
    expect(windows(regAnswer(['port    REG_BINARY    BC12'])).problem).toContain('"port" is a REG_BINARY value; it must be REG_DWORD');
  });

  it('reports a registry it cannot read without stopping', () => {
    const denied: CommandRunner = () => ({ status: 5, stdout: '', stderr: 'ERROR: Access is denied.' });
    expect(windows(denied).problem).toContain('the registry could not be read (reg query exited with 5: ERROR: Access is denied.)');
    const missingTool: CommandRunner = () => {
      throw new Error('spawnSync reg ENOENT');
    };
    expect(windows(missingTool).sources[0]).toMatchObject({ state: 'ignored' });
  });

  it('parses reg query lines, values with spaces included, and skips subkeys', () => {
    const output = '\r\nHKEY_LOCAL_MACHINE\\X\r\n    location    REG_SZ    Lumen  Soho\r\n    empty    REG_SZ\r\n\r\nHKEY_LOCAL_MACHINE\\X\\Sub\r\n';
    expect(parseRegQuery(output)).toEqual([
      { name: 'location', type: 'REG_SZ', data: 'Lumen  Soho' },
      { name: 'empty', type: 'REG_SZ', data: '' },
    ]);
  });
});

describe('precedence: the policy over the file, key by key', () => {
  it('merges them, the policy winning where both set a key', () => {
    const loaded = windows(regAnswer(['autoUpdate    REG_DWORD    0x0', 'autoLockMinutes    REG_DWORD    0x2']), {
      [WINDOWS_FILE]: '{"autoUpdate": true, "startAtLogin": true, "autoLockMinutes": 15}',
    });
    expect(loaded.problem).toBeNull();
    expect(loaded.values).toEqual({ autoUpdate: false, startAtLogin: true, autoLockMinutes: 2 });
    expect(effectiveSettings(loaded.values)).toMatchObject({ autoUpdate: false, startAtLogin: true, autoLockMinutes: 2 });
  });

  it('ignores the file when it contradicts the policy', () => {
    const loaded = windows(regAnswer(['serverUrl    REG_SZ    https://inbox.salon.example']), {
      [WINDOWS_FILE]: '{"serverMode": "embedded", "port": 4780}',
    });
    expect(loaded.values).toEqual({ serverUrl: 'https://inbox.salon.example' });
    expect(loaded.problem).toContain(`The managed configuration ${WINDOWS_FILE} was ignored because it contradicts the Group Policy settings, which come first:`);
    expect(loaded.sources.map((source) => source.state)).toEqual(['used', 'ignored']);
  });

  it('on Linux there is only the file', () => {
    const loaded = loadManagedSettings({ platform: 'linux', env: {}, readText: filesOf({ '/etc/front-desk-inbox/config.json': '{"port": 4790}' }), run: notRun });
    expect(loaded.values).toEqual({ port: 4790 });
    expect(loaded.sources).toHaveLength(1);
  });
});

describe('macOS configuration profiles', () => {
  const mac = (files: Record<string, string>, run: CommandRunner = notRun) => loadManagedSettings({ platform: 'darwin', env: {}, readText: filesOf(files), run });

  it('reads the managed preferences, leaving the profile’s Payload keys aside', () => {
    const loaded = mac({
      [MAC_MANAGED_PREFERENCES]: plist('<key>PayloadUUID</key><string>x</string><key>location</key><string>Soho</string><key>startAtLogin</key><true/><key>port</key><integer>4790</integer>'),
      [MAC_FILE]: '{"location": "Camden", "autoLockMinutes": 7}',
    });
    expect(loaded.problem).toBeNull();
    expect(loaded.values).toEqual({ location: 'Soho', startAtLogin: true, port: 4790, autoLockMinutes: 7 });
    expect(loaded.sources[0]).toMatchObject({ name: 'Configuration profile', location: MAC_MANAGED_PREFERENCES, state: 'used' });
  });

  it('converts a binary plist with plutil', () => {
    const loaded = mac({ [MAC_MANAGED_PREFERENCES]: 'bplist00…' }, (command, args) => {
      expect([command, ...args]).toEqual(['plutil', '-convert', 'xml1', '-o', '-', MAC_MANAGED_PREFERENCES]);
      return { status: 0, stdout: plist('<key>startMinimized</key><true/>'), stderr: '' };
    });
    expect(loaded.values).toEqual({ startMinimized: true });
  });

  it('ignores a profile with a value of the wrong type, or a broken plist, and says why', () => {
    const wrongType = mac({ [MAC_MANAGED_PREFERENCES]: plist('<key>startAtLogin</key><string>yes</string><key>autoLockMinutes</key><real>2.5</real>') });
    expect(wrongType.values).toEqual({});
    expect(wrongType.problem).toContain(`The Configuration profile settings (${MAC_MANAGED_PREFERENCES}) were ignored`);
    expect(wrongType.problem).toContain('- "startAtLogin" must be true or false');
    expect(wrongType.problem).toContain('- "autoLockMinutes" must be a whole number of minutes from 1 to 1440');

    const broken = mac({ [MAC_MANAGED_PREFERENCES]: plist('<key>startAtLogin</key>') });
    expect(broken.problem).toContain('it is not a valid property list');
    const failedConversion = mac({ [MAC_MANAGED_PREFERENCES]: 'bplist00' }, () => ({ status: 1, stdout: '', stderr: 'Property List error: damaged' }));
    expect(failedConversion.problem).toContain('plutil could not convert it (Property List error: damaged)');
  });
});
