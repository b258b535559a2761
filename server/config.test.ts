import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../shared/http';
import { DEFAULT_GUESS_LIMITS } from './auth/guessLimits';
import { parseConfig, type ConfigOutcome, type ServerConfig } from './config';

const cwd = '/srv/inbox';

function configOf(outcome: ConfigOutcome): ServerConfig {
  if (outcome.kind !== 'config') throw new Error(`expected a config, got ${JSON.stringify(outcome)}`);
  return outcome.config;
}

function errorOf(outcome: ConfigOutcome): string {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  return outcome.message;
}

describe('parseConfig', () => {
  it('has safe defaults: loopback, default port, ./data, no demo, integration API closed', () => {
    const config = configOf(parseConfig([], {}, cwd));
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      dataDir: '/srv/inbox/data',
      databaseFile: '/srv/inbox/data/inbox.sqlite3',
      demo: false,
      setup: false,
      integrationKey: null,
      extraAllowedOrigins: [],
      sessionTtlHours: 12,
      owner: null,
    });
    expect(config.staticDir).toMatch(/renderer$/);
  });

  it('reads the environment', () => {
    const config = configOf(
      parseConfig(
        [],
        {
          INBOX_HOST: '0.0.0.0',
          INBOX_PORT: '0',
          INBOX_DATA_DIR: '/var/lib/inbox',
          INBOX_DEMO: '1',
          INBOX_SETUP: 'yes',
          INBOX_STATIC_DIR: 'web',
          INBOX_INTEGRATION_KEY: 'k'.repeat(32),
          INBOX_ALLOW_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173',
          INBOX_SESSION_TTL_HOURS: '8',
        },
        cwd,
      ),
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      databaseFile: '/var/lib/inbox/inbox.sqlite3',
      demo: true,
      setup: true,
      staticDir: '/srv/inbox/web',
      integrationKey: 'k'.repeat(32),
      extraAllowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      sessionTtlHours: 8,
    });
  });

  it('lets flags win over the environment and repeats --allow-origin', () => {
    const config = configOf(
      parseConfig(
        ['--port', '5000', '--demo', '--setup', '--data-dir', 'tmp', '--allow-origin', 'http://a.test', '--allow-origin=http://b.test:81'],
        { INBOX_PORT: '6000', INBOX_DEMO: '0', INBOX_SETUP: '0' },
        cwd,
      ),
    );
    expect(config.port).toBe(5000);
    expect(config.demo).toBe(true);
    expect(config.setup).toBe(true);
    expect(config.dataDir).toBe('/srv/inbox/tmp');
    expect(config.extraAllowedOrigins).toEqual(['http://a.test', 'http://b.test:81']);
  });

  it.each([
    [['--port', 'eighty'], {}, /--port \/ INBOX_PORT: must be a number from 0 to 65535/],
    [['--port', '70000'], {}, /--port/],
    [['--port', '1.5'], {}, /whole number/],
    [[], { INBOX_DEMO: 'maybe' }, /INBOX_DEMO/],
    [['--integration-key', 'short'], {}, /at least 8 characters/],
    [['--allow-origin', 'http://a.test/path'], {}, /--allow-origin/],
    [['--allowed-host', 'https://inbox.salon.example'], {}, /--allowed-host \/ INBOX_ALLOWED_HOSTS: must be a host name or IP address/],
    [[], { INBOX_ALLOWED_HOSTS: 'inbox.salon.example:443' }, /INBOX_ALLOWED_HOSTS/],
    [[], { INBOX_SESSION_TTL_HOURS: '-1' }, /INBOX_SESSION_TTL_HOURS/],
    [['--verbose'], {}, /verbose/],
    [['stray'], {}, /stray|positional/i],
    [[], { INBOX_OWNER_EMAIL: 'o@example.com' }, /INBOX_OWNER_PASSWORD/],
  ])('rejects %j %j with one clear line', (argv, env, pattern) => {
    const message = errorOf(parseConfig(argv, env, cwd));
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });

  it('reads the host names the server answers to from the environment and repeated --allowed-host', () => {
    expect(configOf(parseConfig([], {}, cwd)).allowedHosts).toEqual([]);
    const config = configOf(parseConfig(['--allowed-host', 'inbox.salon.example', '--allowed-host=[fd00::7]'], { INBOX_ALLOWED_HOSTS: ' reception-pc , 192.168.1.20 ' }, cwd));
    expect(config.allowedHosts).toEqual(['reception-pc', '192.168.1.20', 'inbox.salon.example', '[fd00::7]']);
  });

  it('builds the owner bootstrap only when all three variables are set', () => {
    const config = configOf(
      parseConfig(
        [],
        { INBOX_OWNER_EMAIL: 'Owner@Example.com', INBOX_OWNER_NAME: 'Olga', INBOX_OWNER_PASSWORD: 'long enough' },
        cwd,
      ),
    );
    expect(config.owner).toEqual({ email: 'owner@example.com', name: 'Olga', password: 'long enough' });
  });

  it('sends no client emails or texts until SMTP and the text provider are configured', () => {
    expect(configOf(parseConfig([], {}, cwd))).toMatchObject({ email: null, sms: null, workspaceCountry: '' });
  });

  it('reads the SMTP server, the text provider and the new workspace\'s country', () => {
    const config = configOf(
      parseConfig([], {
        INBOX_SMTP_HOST: 'smtp.salon.example',
        INBOX_SMTP_PORT: '465',
        INBOX_SMTP_SECURE: '1',
        INBOX_SMTP_USER: 'inbox',
        INBOX_SMTP_PASS: 'secret',
        INBOX_SMTP_FROM: 'Salon <hello@salon.example>',
        INBOX_SMS_URL: 'https://sms.example/v1/messages',
        INBOX_SMS_KEY: 'sms-key-0123456789',
        INBOX_WORKSPACE_COUNTRY: 'ie',
      }, cwd),
    );
    expect(config.email).toEqual({ host: 'smtp.salon.example', port: 465, secure: true, user: 'inbox', pass: 'secret', from: 'Salon <hello@salon.example>' });
    expect(config.sms).toEqual({ url: 'https://sms.example/v1/messages', key: 'sms-key-0123456789', from: null });
    expect(config.workspaceCountry).toBe('IE');
    expect(configOf(parseConfig([], { INBOX_SMTP_HOST: 'mx', INBOX_SMTP_FROM: 'a@b.c' }, cwd)).email).toMatchObject({ port: 587, secure: false, user: null });
  });

  it('refuses half a delivery configuration or a bad value, naming the variable', () => {
    expect(errorOf(parseConfig([], { INBOX_SMTP_HOST: 'mx' }, cwd))).toBe('Set both INBOX_SMTP_HOST and INBOX_SMTP_FROM to send emails, or neither.');
    expect(errorOf(parseConfig([], { INBOX_SMS_URL: 'https://sms.example' }, cwd))).toBe('Set both INBOX_SMS_URL and INBOX_SMS_KEY to send text messages, or neither.');
    expect(errorOf(parseConfig([], { INBOX_SMS_URL: 'ftp://sms.example', INBOX_SMS_KEY: 'sms-key-0123456789' }, cwd))).toMatch(/^Invalid INBOX_SMS_URL: /);
    expect(errorOf(parseConfig([], { INBOX_SMTP_PORT: 'smtp' }, cwd))).toMatch(/^Invalid INBOX_SMTP_PORT: /);
    expect(errorOf(parseConfig([], { INBOX_WORKSPACE_COUNTRY: 'Britain' }, cwd))).toBe('Invalid INBOX_WORKSPACE_COUNTRY: must be a two-letter country code such as GB');
  });

  it('leaves SQLite\'s page cache to the driver unless told, and refuses a bad size', () => {
    expect(configOf(parseConfig([], {}, cwd)).sqliteCacheMb).toBeNull();
    expect(configOf(parseConfig([], { INBOX_SQLITE_CACHE_MB: '8' }, cwd)).sqliteCacheMb).toBe(8);
    for (const bad of ['0', '2.5', 'lots', '4096']) expect(errorOf(parseConfig([], { INBOX_SQLITE_CACHE_MB: bad }, cwd))).toMatch(/^Invalid INBOX_SQLITE_CACHE_MB: /);
  });

  it('has default guessing limits, reads each from the environment, and refuses a bad one', () => {
    expect(configOf(parseConfig([], {}, cwd)).guessLimits).toEqual(DEFAULT_GUESS_LIMITS);
    const limits = configOf(
      parseConfig([], {
        INBOX_GUESS_WINDOW_MINUTES: '30',
        INBOX_SIGN_IN_LIMIT_PER_EMAIL_AND_ADDRESS: '5',
        INBOX_SIGN_IN_LIMIT_PER_EMAIL: '12',
        INBOX_GUESS_LIMIT_PER_ADDRESS: '100',
        INBOX_PASSWORD_CONFIRM_LIMIT: '6',
        INBOX_PIN_LIMIT_PER_MEMBER: '3',
        INBOX_PIN_LIMIT_PER_COMPUTER: '8',
        INBOX_HASH_CONCURRENCY: '1',
        INBOX_HASH_QUEUE_LIMIT: '64',
        INBOX_HASH_QUEUE_LIMIT_PER_ADDRESS: '4',
      }, cwd),
    ).guessLimits;
    expect(limits).toEqual({
      windowMs: 30 * 60_000, signInPerEmailAndAddress: 5, signInPerEmail: 12, perAddress: 100, passwordConfirmPerMember: 6,
      pinPerMember: 3, pinPerComputer: 8, hashConcurrency: 1, hashQueue: 64, hashQueuePerAddress: 4,
    });
    expect(errorOf(parseConfig([], { INBOX_PIN_LIMIT_PER_MEMBER: '0' }, cwd))).toBe('Invalid INBOX_PIN_LIMIT_PER_MEMBER: must be a whole number from 1 to 100');
    expect(errorOf(parseConfig([], { INBOX_GUESS_LIMIT_PER_ADDRESS: 'lots' }, cwd))).toMatch(/^Invalid INBOX_GUESS_LIMIT_PER_ADDRESS: /);
    // Hashing must leave libuv's threadpool a free thread for file reads (static pages).
    expect(errorOf(parseConfig([], { INBOX_HASH_CONCURRENCY: '4' }, cwd))).toBe('Invalid INBOX_HASH_CONCURRENCY: must be a whole number from 1 to 3 (below UV_THREADPOOL_SIZE, 4)');
    expect(configOf(parseConfig([], { INBOX_HASH_CONCURRENCY: '6', UV_THREADPOOL_SIZE: '8' }, cwd)).guessLimits.hashConcurrency).toBe(6);
  });

  it('answers --help with the usage text', () => {
    const outcome = parseConfig(['--help'], {}, cwd);
    expect(outcome.kind).toBe('help');
    if (outcome.kind === 'help') expect(outcome.text).toContain('--integration-key');
    if (outcome.kind === 'help') expect(outcome.text).toContain('server backup --help');
  });
});

describe('the update feed folder', () => {
  it('is off by default and read from --updates-dir or INBOX_UPDATES_DIR, resolved from the working folder', () => {
    expect(configOf(parseConfig([], {}, cwd)).updatesDir).toBeNull();
    expect(configOf(parseConfig([], { INBOX_UPDATES_DIR: 'updates' }, cwd)).updatesDir).toBe('/srv/inbox/updates');
    expect(configOf(parseConfig(['--updates-dir', '/srv/feed'], { INBOX_UPDATES_DIR: 'updates' }, cwd)).updatesDir).toBe('/srv/feed');
    expect(configOf(parseConfig([], { INBOX_UPDATES_DIR: '' }, cwd)).updatesDir).toBeNull();
  });
});
