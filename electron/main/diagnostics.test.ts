// Diagnostics IT can send to support: what they hold, and that passwords, tokens, keys and
// message text in the logs, the settings or the app's state never reach them. The logs are real
// rotating files written by the app's and the server's own loggers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../server/log';
import { DEFAULT_MANAGED_SETTINGS, type UpdateStatus } from '../../shared/ipc';
import { buildDiagnostics, scrub, type DiagnosticsInput } from './diagnostics';
import { createAppLogger, createRotatingLog, readLogTail } from './logFiles';
import type { ManagedSourceReport } from './managedSources';

const PASSWORD = 'hunter2-Correct-Horse';
const TOKEN = 'dGhpc2lzYXNlY3JldHRva2VuMTIzNDU2Nzg5MA';
const DEVICE_TOKEN = 'dev_8f3a9c2e7b1d4f6a0c5e9b3d7f1a2c4e6b8d0f2a';
const INTEGRATION_KEY = 'integration-key-0123456789abcdef';
const MESSAGE_TEXT = 'Can I move my balayage to Thursday at 3pm';
const CLIENT_EMAIL = 'nia.okafor@example.com';
const SECRETS = [PASSWORD, TOKEN, DEVICE_TOKEN, INTEGRATION_KEY, MESSAGE_TEXT, 'balayage', CLIENT_EMAIL];

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const updates: UpdateStatus = {
  state: 'error',
  offReason: null,
  currentVersion: '0.1.0',
  version: null,
  percent: null,
  feedUrl: 'https://inbox.salon.example/updates/',
  checkedAt: Date.UTC(2026, 2, 2, 8, 0),
  waitingReplies: 2,
  installRequested: false,
  problem: 'Could not check for or download updates (ERR_UPDATER_CHANNEL_FILE_NOT_FOUND). The app tries again later.',
};

const sources: ManagedSourceReport[] = [
  { name: 'Group Policy', location: 'HKLM\\SOFTWARE\\Policies\\FrontDeskInbox\\FrontDeskInbox', state: 'used', keys: ['serverUrl', 'autoUpdate'], problem: null },
  {
    name: 'Configuration file',
    location: 'C:\\ProgramData\\FrontDeskInbox\\config.json',
    state: 'ignored',
    keys: [],
    problem: `The managed configuration C:\\ProgramData\\FrontDeskInbox\\config.json was ignored, so the app started with its default settings:\n- "serverUrl" ("https://admin:${PASSWORD}@inbox.salon.example") must not contain a user name or password.\n- "location" must be a location id (a whole number) or a location name`,
  },
];

/** Logs as the app writes them, with secrets and message text where careless code might put them. */
function writeLogs(folder: string): DiagnosticsInput['logs'] {
  const mainLog = createRotatingLog(folder, 'main.log');
  const app = createAppLogger(mainLog, () => new Date('2026-03-02T09:00:01.000Z'), { log: () => undefined, warn: () => undefined, error: () => undefined });
  app.info(`Signed in with password=${PASSWORD}`);
  app.error(`Update ERR_UPDATER_INVALID_VERSION: could not read https://inbox.salon.example/updates/latest.yml?token=${TOKEN}`);
  app.warn(`Refused desktop:notify "${MESSAGE_TEXT}" for ${CLIENT_EMAIL} with Bearer ${INTEGRATION_KEY}`);
  app.error(`Could not open https://inbox.salon.example/client/#token=${TOKEN}`);

  const serverLog = createRotatingLog(folder, 'server.log');
  serverLog.write('Inbox server listening on http://127.0.0.1:4780');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const entry of chunk.toString('utf8').split('\n').filter(Boolean)) serverLog.write(entry);
      done();
    },
  });
  const server = createJsonLogger(sink);
  server.error('HTTP request failed', {
    method: 'POST',
    body: { text: MESSAGE_TEXT, password: PASSWORD },
    error: Object.assign(new Error(`SQLITE_CONSTRAINT while saving "${MESSAGE_TEXT}" token ${TOKEN}`), { code: 'SQLITE_CONSTRAINT' }),
  });
  server.warn('Delivery failed; retrying', { to: CLIENT_EMAIL, smsKey: INTEGRATION_KEY });
  server.info('Message stored', { text: MESSAGE_TEXT });
  return { main: readLogTail(mainLog.path), server: readLogTail(serverLog.path) };
}

function diagnostics(): string {
  const folder = mkdtempSync(join(tmpdir(), 'inbox-diagnostics-'));
  folders.push(folder);
  return buildDiagnostics({
    now: new Date('2026-03-02T09:05:00.000Z'),
    appVersion: '0.1.0',
    electronVersion: '45.4.1',
    os: { platform: 'win32', release: '10.0.22631', arch: 'x64' },
    serverUrl: 'https://inbox.salon.example',
    settings: {
      settings: { ...DEFAULT_MANAGED_SETTINGS, serverMode: 'remote', serverUrl: 'https://inbox.salon.example', location: 'Soho', autoUpdate: false },
      locked: ['serverMode', 'serverUrl', 'autoUpdate'],
      problem: sources[1]?.problem ?? null,
    },
    sources,
    updates,
    logsFolder: folder,
    logs: writeLogs(folder),
  });
}

describe('diagnostics', () => {
  it('say what support needs: versions, OS, server, settings and their sources, updates, last problems', () => {
    const text = diagnostics();
    expect(text).toContain('App version: 0.1.0 (Electron 45.4.1)');
    expect(text).toContain('OS: win32 10.0.22631 (x64)');
    expect(text).toContain('Server: remote, https://inbox.salon.example');
    expect(text).toContain('  autoUpdate: off (managed by IT)');
    expect(text).toContain('  location: Soho\n');
    expect(text).toContain('  Group Policy (HKLM\\SOFTWARE\\Policies\\FrontDeskInbox\\FrontDeskInbox): used — serverUrl, autoUpdate');
    expect(text).toContain('  Configuration file (C:\\ProgramData\\FrontDeskInbox\\config.json): ignored');
    expect(text).toContain('      - serverUrl ("…") must not contain a user name or password.');
    expect(text).toContain('      - location must be a location id');
    expect(text).toContain('error, from https://inbox.salon.example/updates/, last checked 2026-03-02T08:00:00.000Z, 2 replies waiting to be sent');
    expect(text).toContain('error server: HTTP request failed (Error SQLITE_CONSTRAINT)');
    expect(text).toContain('warn server: Delivery failed; retrying');
    expect(text).toContain('2026-03-02T09:00:01.000Z error app: Update ERR_UPDATER_INVALID_VERSION: could not read https://inbox.salon.example/updates/latest.yml?[redacted]');
    // Only problems: an info line is not one.
    expect(text).not.toContain('Signed in');
    expect(text).not.toContain('Message stored');
  });

  it('hold no password, token, key, email address or message text found in the logs, settings or state', () => {
    const text = diagnostics();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    for (const fragment of [PASSWORD.slice(0, 10), TOKEN.slice(0, 16), MESSAGE_TEXT.slice(0, 12)]) expect(text).not.toContain(fragment);
  });

  it('scrub each kind of secret', () => {
    expect(scrub(`https://admin:${PASSWORD}@host.example/x`)).toBe('https://[redacted]@host.example/x');
    expect(scrub(`GET /client/#token=${TOKEN}`)).toBe('GET /client/#token=[redacted]');
    expect(scrub(`https://inbox.salon.example/client/#token=${TOKEN}`)).toBe('https://inbox.salon.example/client/?[redacted]');
    expect(scrub(`Authorization: Bearer ${INTEGRATION_KEY}`)).toBe('Authorization: [redacted] [redacted]');
    expect(scrub('Update ERR_UPDATER_CHANNEL_FILE_NOT_FOUND')).toBe('Update ERR_UPDATER_CHANNEL_FILE_NOT_FOUND');
    expect(scrub(`pin=123456 and secret: "abc"`)).toBe('pin=[redacted] and secret: [redacted]');
    expect(scrub(`From ${CLIENT_EMAIL}`)).toBe('From [email]');
    expect(scrub(`Said “${MESSAGE_TEXT}”`)).toBe('Said "…"');
    expect(scrub(`device ${DEVICE_TOKEN}`)).toBe('device [redacted]');
    expect(scrub('x'.repeat(500)).length).toBeLessThanOrEqual(201);
  });
});
