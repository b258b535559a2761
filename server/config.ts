// Server configuration from command-line flags (which win) and INBOX_* environment variables.
// Everything is validated up front so a typo stops the server with one clear line instead of
// surfacing later as a confusing runtime failure.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_PORT } from '../shared/http';
import { parseGuessLimits, type GuessLimits } from './auth/guessLimits';
import { LIMITS_USAGE, parseClientLimits, type ClientLimitsConfig } from './limits/limitsConfig';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './notifications/deliveryWorker';

export type OwnerBootstrap = { email: string; name: string; password: string };

/** SMTP for client emails (R11); null: email deliveries fail with "not set up". */
export type EmailConfig = { host: string; port: number; secure: boolean; user: string | null; pass: string | null; from: string };
/** The HTTP text message provider; null: text deliveries fail with "not set up". */
export type SmsConfig = { url: string; key: string; from: string | null };

export type ServerConfig = {
  host: string;
  port: number;
  dataDir: string;
  /** The SQLite file inside dataDir. */
  databaseFile: string;
  /** Seed the demo workspace when the database is empty. */
  demo: boolean;
  /** With an empty database, wait for the first owner to be created from this computer (the
   * desktop app's first-run screen, POST /api/setup) instead of refusing to start. */
  setup: boolean;
  /** The built renderer (index.html, client/index.html, assets/). */
  staticDir: string;
  /** Bearer key of the booking-system integration API; null denies every integration call. */
  integrationKey: string | null;
  /** Origins allowed besides the desktop app's and the server's own. */
  extraAllowedOrigins: string[];
  /** Host names the API and sockets answer to besides those of the listening address
   * (server/http/hosts.ts), e.g. the public name a reverse proxy forwards. */
  allowedHosts: string[];
  sessionTtlHours: number;
  /** SQLite's page cache per database and connection, in MB; null: the driver's 16 MB. The
   * desktop app's embedded server uses less (processEnvironment.ts). */
  sqliteCacheMb: number | null;
  /** How often connected staff sockets are checked for a session that has run out. */
  sessionExpiryCheckMs: number;
  /** Create this owner (and workspace) when the database is empty and demo is off. */
  owner: OwnerBootstrap | null;
  workspaceName: string;
  /** Country (ISO 3166 alpha-2) of that new workspace: mobile numbers are checked for it. */
  workspaceCountry: string;
  email: EmailConfig | null;
  sms: SmsConfig | null;
  /** Delivery retries: first delay (doubling), longest delay, attempts, poll interval. */
  deliveryRetry: RetryPolicy;
  /** The folder of app installers and latest*.yml files served at /updates/; null: no feed. */
  updatesDir: string | null;
  /** Password and PIN guessing limits, and how much hashing may run at once. */
  guessLimits: GuessLimits;
  /** Client message and upload limits, client link lifetime, attachment storage quota. */
  clientLimits: ClientLimitsConfig;
};

export type ConfigOutcome =
  | { kind: 'config'; config: ServerConfig }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

export type Env = Record<string, string | undefined>;

export const DATABASE_FILE_NAME = 'inbox.sqlite3';

/** A session that runs out while its sockets stay connected is ended within this long. */
export const SESSION_EXPIRY_CHECK_MS = 30_000;

/** The bundled server lives at out/main/server.js and the renderer build at out/renderer. */
const defaultStaticDir = () => fileURLToPath(new URL('../renderer', import.meta.url));

export const USAGE = `Usage: server [options]
       server backup --help      Online backup of the database (works while the server runs)

  --host <host>             Address to listen on (INBOX_HOST, default 127.0.0.1)
  --port <port>             Port, 0 picks a free one (INBOX_PORT, default ${DEFAULT_PORT})
  --data-dir <dir>          Where inbox.sqlite3 lives (INBOX_DATA_DIR, default ./data)
  --demo                    Seed the demo salon into an empty database (INBOX_DEMO=1)
  --setup                   With an empty database, let the app on this computer create the
                            workspace and its owner, or the demo (INBOX_SETUP=1)
  --static-dir <dir>        Built renderer to serve (INBOX_STATIC_DIR, default out/renderer)
  --integration-key <key>   Bearer key for the booking-system API (INBOX_INTEGRATION_KEY)
  --allow-origin <origin>   Extra CORS origin, repeatable (INBOX_ALLOW_ORIGINS, comma-separated)
  --updates-dir <dir>       Serve the desktop app's updates from this folder at /updates/
                            (INBOX_UPDATES_DIR, default off)
  --allowed-host <name>     A host name the server is reached by (e.g. behind a reverse proxy),
                            repeatable (INBOX_ALLOWED_HOSTS, comma-separated). Loopback names,
                            and with --host 0.0.0.0 this computer's addresses and name, need none
  --help                    Show this help

  INBOX_SESSION_TTL_HOURS   Staff session lifetime in hours (default 12)
  INBOX_SQLITE_CACHE_MB     SQLite page cache per database file, in MB (default 16; the desktop
                            app's embedded server 8)
  INBOX_OWNER_EMAIL, INBOX_OWNER_NAME, INBOX_OWNER_PASSWORD
                            Create this owner when the database is empty (all three needed)
  INBOX_WORKSPACE_NAME      Name of that new workspace (default "My salon")
  INBOX_WORKSPACE_COUNTRY   Its country, e.g. GB: mobile numbers are checked for it
  INBOX_SMTP_HOST, INBOX_SMTP_PORT (587), INBOX_SMTP_SECURE (0; 1 for port 465),
  INBOX_SMTP_USER, INBOX_SMTP_PASS, INBOX_SMTP_FROM
                            SMTP server for client emails (host and from needed)
  INBOX_SMS_URL, INBOX_SMS_KEY, INBOX_SMS_FROM
                            Text message provider: JSON POST with a Bearer key
  INBOX_GUESS_WINDOW_MINUTES (15), INBOX_SIGN_IN_LIMIT_PER_EMAIL_AND_ADDRESS (10),
  INBOX_SIGN_IN_LIMIT_PER_EMAIL (20), INBOX_GUESS_LIMIT_PER_ADDRESS (50),
  INBOX_PASSWORD_CONFIRM_LIMIT (10), INBOX_PIN_LIMIT_PER_MEMBER (5),
  INBOX_PIN_LIMIT_PER_COMPUTER (10), INBOX_HASH_CONCURRENCY (2),
  INBOX_HASH_QUEUE_LIMIT (32), INBOX_HASH_QUEUE_LIMIT_PER_ADDRESS (8)
                            Password/PIN guessing limits and hashing capacity
${LIMITS_USAGE}

  Logs are JSON lines on stderr; SIGINT, SIGTERM or a {"type":"shutdown"} IPC message from a
  parent process shut the server down cleanly.`;

const originSchema = z
  .string()
  .regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+$/i, 'must look like scheme://host[:port] with no path');

/** A DNS name or an IP address (IPv6 with or without brackets), without scheme, port or path. */
const hostNameSchema = z
  .string()
  .trim()
  .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\[?[0-9a-f:.]+\]?)$/i, 'must be a host name or IP address, without scheme, port or path')
  .max(253);

const booleanFlagSchema = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const configSchema = z.object({
  host: z.string().trim().min(1, 'must not be empty'),
  port: z.coerce
    .number({ error: 'must be a number from 0 to 65535' })
    .int('must be a whole number')
    .min(0, 'must be a number from 0 to 65535')
    .max(65535, 'must be a number from 0 to 65535'),
  dataDir: z.string().trim().min(1, 'must not be empty'),
  demo: z.union([z.boolean(), booleanFlagSchema]),
  setup: z.union([z.boolean(), booleanFlagSchema]),
  staticDir: z.string().trim().min(1, 'must not be empty'),
  integrationKey: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(512)
    .nullable(),
  extraAllowedOrigins: z.array(originSchema),
  updatesDir: z.string().trim().min(1, 'must not be empty').nullable(),
  allowedHosts: z.array(hostNameSchema),
  sessionTtlHours: z.coerce.number({ error: 'must be a number of hours' }).positive('must be more than 0').max(24 * 90, 'must be at most 2160 (90 days)'),
  sqliteCacheMb: z.coerce.number({ error: 'must be a number of MB' }).int('must be a whole number of MB').min(1, 'must be at least 1').max(1024, 'must be at most 1024').nullable(),
  ownerEmail: z.email().optional(),
  ownerName: z.string().trim().min(1).optional(),
  ownerPassword: z.string().min(8, 'must be at least 8 characters').optional(),
  workspaceName: z.string().trim().min(1).max(120),
  workspaceCountry: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, 'must be a two-letter country code such as GB'),
  smtpHost: z.string().trim().min(1).optional(),
  smtpPort: z.coerce.number({ error: 'must be a port number' }).int().min(1, 'must be a port number').max(65535, 'must be a port number'),
  smtpSecure: booleanFlagSchema,
  smtpUser: z.string().optional(),
  smtpPass: z.string().optional(),
  smtpFrom: z.string().trim().min(3).max(254).optional(),
  smsUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  smsKey: z.string().min(8, 'must be at least 8 characters').max(512).optional(),
  smsFrom: z.string().trim().min(1).max(32).optional(),
});

const fieldNames: Record<string, string> = {
  host: '--host / INBOX_HOST',
  port: '--port / INBOX_PORT',
  dataDir: '--data-dir / INBOX_DATA_DIR',
  demo: '--demo / INBOX_DEMO',
  setup: '--setup / INBOX_SETUP',
  staticDir: '--static-dir / INBOX_STATIC_DIR',
  integrationKey: '--integration-key / INBOX_INTEGRATION_KEY',
  extraAllowedOrigins: '--allow-origin / INBOX_ALLOW_ORIGINS',
  updatesDir: '--updates-dir / INBOX_UPDATES_DIR',
  allowedHosts: '--allowed-host / INBOX_ALLOWED_HOSTS',
  sessionTtlHours: 'INBOX_SESSION_TTL_HOURS',
  sqliteCacheMb: 'INBOX_SQLITE_CACHE_MB',
  ownerEmail: 'INBOX_OWNER_EMAIL',
  ownerName: 'INBOX_OWNER_NAME',
  ownerPassword: 'INBOX_OWNER_PASSWORD',
  workspaceName: 'INBOX_WORKSPACE_NAME',
  workspaceCountry: 'INBOX_WORKSPACE_COUNTRY',
  smtpHost: 'INBOX_SMTP_HOST',
  smtpPort: 'INBOX_SMTP_PORT',
  smtpSecure: 'INBOX_SMTP_SECURE',
  smtpUser: 'INBOX_SMTP_USER',
  smtpPass: 'INBOX_SMTP_PASS',
  smtpFrom: 'INBOX_SMTP_FROM',
  smsUrl: 'INBOX_SMS_URL',
  smsKey: 'INBOX_SMS_KEY',
  smsFrom: 'INBOX_SMS_FROM',
};

function readFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
      setup: { type: 'boolean' },
      'static-dir': { type: 'string' },
      'integration-key': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'updates-dir': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  }).values;
}

const emptyToUndefined = (value: string | undefined) => (value === '' ? undefined : value);

export function parseConfig(argv: string[], env: Env, cwd = process.cwd()): ConfigOutcome {
  let flags: ReturnType<typeof readFlags>;
  try {
    flags = readFlags(argv);
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message} (see --help)` };
  }
  if (flags.help) return { kind: 'help', text: USAGE };

  const commaList = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const envOrigins = commaList(env.INBOX_ALLOW_ORIGINS);
  const parsed = configSchema.safeParse({
    host: flags.host ?? env.INBOX_HOST ?? '127.0.0.1',
    port: flags.port ?? emptyToUndefined(env.INBOX_PORT) ?? DEFAULT_PORT,
    dataDir: flags['data-dir'] ?? emptyToUndefined(env.INBOX_DATA_DIR) ?? './data',
    demo: flags.demo ?? (env.INBOX_DEMO ?? '').toLowerCase(),
    setup: flags.setup ?? (env.INBOX_SETUP ?? '').toLowerCase(),
    staticDir: flags['static-dir'] ?? emptyToUndefined(env.INBOX_STATIC_DIR) ?? defaultStaticDir(),
    integrationKey: flags['integration-key'] ?? emptyToUndefined(env.INBOX_INTEGRATION_KEY) ?? null,
    extraAllowedOrigins: [...envOrigins, ...(flags['allow-origin'] ?? [])],
    updatesDir: flags['updates-dir'] ?? emptyToUndefined(env.INBOX_UPDATES_DIR) ?? null,
    allowedHosts: [...commaList(env.INBOX_ALLOWED_HOSTS), ...(flags['allowed-host'] ?? [])],
    sessionTtlHours: emptyToUndefined(env.INBOX_SESSION_TTL_HOURS) ?? 12,
    sqliteCacheMb: emptyToUndefined(env.INBOX_SQLITE_CACHE_MB) ?? null,
    ownerEmail: emptyToUndefined(env.INBOX_OWNER_EMAIL),
    ownerName: emptyToUndefined(env.INBOX_OWNER_NAME),
    ownerPassword: emptyToUndefined(env.INBOX_OWNER_PASSWORD),
    workspaceName: emptyToUndefined(env.INBOX_WORKSPACE_NAME) ?? 'My salon',
    workspaceCountry: env.INBOX_WORKSPACE_COUNTRY ?? '',
    smtpHost: emptyToUndefined(env.INBOX_SMTP_HOST),
    smtpPort: emptyToUndefined(env.INBOX_SMTP_PORT) ?? 587,
    smtpSecure: (env.INBOX_SMTP_SECURE ?? '').toLowerCase(),
    smtpUser: emptyToUndefined(env.INBOX_SMTP_USER),
    smtpPass: emptyToUndefined(env.INBOX_SMTP_PASS),
    smtpFrom: emptyToUndefined(env.INBOX_SMTP_FROM),
    smsUrl: emptyToUndefined(env.INBOX_SMS_URL),
    smsKey: emptyToUndefined(env.INBOX_SMS_KEY),
    smsFrom: emptyToUndefined(env.INBOX_SMS_FROM),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return { kind: 'error', message: `Invalid ${fieldNames[field] ?? field}: ${issue?.message}` };
  }

  const values = parsed.data;
  const ownerParts = [values.ownerEmail, values.ownerName, values.ownerPassword];
  const ownerPartsSet = ownerParts.filter((part) => part !== undefined).length;
  if (ownerPartsSet !== 0 && ownerPartsSet !== 3) {
    return {
      kind: 'error',
      message: 'Set all of INBOX_OWNER_EMAIL, INBOX_OWNER_NAME and INBOX_OWNER_PASSWORD, or none.',
    };
  }
  if ((values.smtpHost === undefined) !== (values.smtpFrom === undefined)) {
    return { kind: 'error', message: 'Set both INBOX_SMTP_HOST and INBOX_SMTP_FROM to send emails, or neither.' };
  }
  if ((values.smsUrl === undefined) !== (values.smsKey === undefined)) {
    return { kind: 'error', message: 'Set both INBOX_SMS_URL and INBOX_SMS_KEY to send text messages, or neither.' };
  }
  const guessLimits = parseGuessLimits(env);
  if (!guessLimits.ok) return { kind: 'error', message: guessLimits.message };
  const clientLimits = parseClientLimits(env);
  if (!clientLimits.ok) return { kind: 'error', message: clientLimits.message };
  const dataDir = resolve(cwd, values.dataDir);
  return {
    kind: 'config',
    config: {
      host: values.host,
      port: values.port,
      dataDir,
      databaseFile: resolve(dataDir, DATABASE_FILE_NAME),
      demo: values.demo,
      setup: values.setup,
      staticDir: resolve(cwd, values.staticDir),
      integrationKey: values.integrationKey,
      extraAllowedOrigins: values.extraAllowedOrigins,
      allowedHosts: values.allowedHosts,
      sessionTtlHours: values.sessionTtlHours,
      sqliteCacheMb: values.sqliteCacheMb,
      owner:
        values.ownerEmail && values.ownerName && values.ownerPassword
          ? { email: values.ownerEmail.toLowerCase(), name: values.ownerName, password: values.ownerPassword }
          : null,
      workspaceName: values.workspaceName,
      workspaceCountry: values.workspaceCountry,
      email:
        values.smtpHost && values.smtpFrom
          ? {
              host: values.smtpHost,
              port: values.smtpPort,
              secure: values.smtpSecure,
              user: values.smtpUser ?? null,
              pass: values.smtpPass ?? null,
              from: values.smtpFrom,
            }
          : null,
      sms: values.smsUrl && values.smsKey ? { url: values.smsUrl, key: values.smsKey, from: values.smsFrom ?? null } : null,
      deliveryRetry: DEFAULT_RETRY_POLICY,
      updatesDir: values.updatesDir === null ? null : resolve(cwd, values.updatesDir),
      sessionExpiryCheckMs: SESSION_EXPIRY_CHECK_MS,
      guessLimits: guessLimits.limits,
      clientLimits: clientLimits.limits,
    },
  };
}
