// Owns the managed configuration: the JSON file IT places on a reception computer to preset
// (and lock) how the app runs there, read from the system-wide location for each OS.
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import {
  AUTO_LOCK_MINUTES_MAX,
  DEFAULT_MANAGED_SETTINGS,
  type ManagedConfigView,
  type ManagedSettingKey,
  type ManagedSettings,
} from '../../shared/ipc';
import { remoteServerUrlSchema, SERVER_URL_ENV, type ServerLocation } from './serverAddress';

/** Points the app at another managed configuration file instead of the system-wide one. */
export const MANAGED_CONFIG_ENV = 'INBOX_MANAGED_CONFIG';

/** Values as IT wrote them: only the keys present in the file. */
export type ManagedValues = Partial<ManagedSettings>;

export interface LoadedManagedConfig {
  /** The file that was (or would have been) read. */
  readonly path: string;
  /** Empty when the file is absent or unusable. */
  readonly values: ManagedValues;
  /** Why the file was ignored, in words for IT; null when it was fine or absent. */
  readonly problem: string | null;
}

export interface ManagedConfigSources {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The file's text; throws a Node error (ENOENT for a missing file) like fs.readFileSync. */
  readonly readText: (path: string) => string;
}

export const DEFAULT_SETTINGS: ManagedSettings = DEFAULT_MANAGED_SETTINGS;

const KNOWN_KEYS = Object.keys(DEFAULT_SETTINGS) as ManagedSettingKey[];

/** The kind of value each setting takes, for the sources whose values are not JSON: Group
 * Policy writes registry values (a DWORD for numbers and on/off, a string otherwise) and the
 * policy templates in build/policies/ are checked against this. */
export const MANAGED_SETTING_KINDS = {
  serverMode: 'choice',
  serverUrl: 'text',
  location: 'id-or-name',
  startAtLogin: 'on-off',
  startMinimized: 'on-off',
  autoUpdate: 'on-off',
  updateUrl: 'text',
  allowLanConnections: 'on-off',
  port: 'whole-number',
  autoLockMinutes: 'whole-number',
} as const satisfies Record<ManagedSettingKey, string>;
export type ManagedSettingKind = (typeof MANAGED_SETTING_KINDS)[ManagedSettingKey];
const SERVER_CHOICE: ReadonlySet<ManagedSettingKey> = new Set(['serverMode', 'serverUrl']);

/** Where IT puts the file on each OS: a machine-wide folder only administrators can write. */
export function managedConfigPath(platform: NodeJS.Platform, env: ManagedConfigSources['env']): string {
  const override = env[MANAGED_CONFIG_ENV]?.trim();
  if (override) return override;
  if (platform === 'win32') {
    return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'FrontDeskInbox', 'config.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/FrontDeskInbox/config.json';
  return posix.join('/etc', 'front-desk-inbox', 'config.json');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Where updates come from instead of the inbox server's own feed: a folder on a web server.
 * Like the server address, https:// (plain http:// only on this computer), no user name,
 * query or fragment; unlike it, a path is allowed. */
const updateUrlSchema = z
  .string({ error: 'must be a web address in quotes, like "https://files.salon.example/inbox/"' })
  .max(2048, 'must be at most 2048 characters')
  .transform((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: `is not a web address: "${value}"` });
      return z.NEVER;
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    if (!secure || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
      context.addIssue({
        code: 'custom',
        message: `("${value}") must be an https:// folder address without a user name, query or #fragment (plain http:// only for this computer)`,
      });
      return z.NEVER;
    }
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  });

const fileSchema = z
  .strictObject({
    serverMode: z.enum(['embedded', 'remote'], { error: 'must be "embedded" or "remote"' }),
    serverUrl: remoteServerUrlSchema(`"serverUrl"`),
    location: z.union([z.number().int().positive(), z.string().trim().min(1).max(120)], {
      error: 'must be a location id (a whole number) or a location name',
    }),
    startAtLogin: z.boolean({ error: 'must be true or false' }),
    startMinimized: z.boolean({ error: 'must be true or false' }),
    autoUpdate: z.boolean({ error: 'must be true or false' }),
    updateUrl: updateUrlSchema,
    allowLanConnections: z.boolean({ error: 'must be true or false' }),
    port: z
      .number({ error: 'must be a whole number from 1 to 65535' })
      .int('must be a whole number from 1 to 65535')
      .min(1, 'must be a whole number from 1 to 65535')
      .max(65535, 'must be a whole number from 1 to 65535'),
    // IT may shorten or lengthen the idle time but not switch locking off on a shared computer.
    autoLockMinutes: z
      .number({ error: `must be a whole number of minutes from 1 to ${AUTO_LOCK_MINUTES_MAX}` })
      .int(`must be a whole number of minutes from 1 to ${AUTO_LOCK_MINUTES_MAX}`)
      .min(1, `must be a whole number of minutes from 1 to ${AUTO_LOCK_MINUTES_MAX}`)
      .max(AUTO_LOCK_MINUTES_MAX, `must be a whole number of minutes from 1 to ${AUTO_LOCK_MINUTES_MAX}`),
  })
  .partial()
  .superRefine((values, context) => {
    const mode = modeOf(values);
    if (values.serverMode === 'remote' && values.serverUrl === undefined) {
      context.addIssue({ code: 'custom', path: ['serverUrl'], message: 'is required when "serverMode" is "remote"' });
    }
    if (values.serverMode === 'embedded' && values.serverUrl !== undefined) {
      context.addIssue({ code: 'custom', path: ['serverUrl'], message: 'only applies when "serverMode" is "remote"' });
    }
    for (const key of ['allowLanConnections', 'port'] as const) {
      if (mode === 'remote' && values[key] !== undefined) {
        context.addIssue({ code: 'custom', path: [key], message: 'only applies when this computer hosts the server ("serverMode": "embedded")' });
      }
    }
  });

/** A server address alone says "use that server"; IT need not also write the mode. */
function modeOf(values: ManagedValues): ManagedSettings['serverMode'] {
  return values.serverMode ?? (values.serverUrl === undefined ? 'embedded' : 'remote');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `unknown setting ${keys}; the known settings are ${KNOWN_KEYS.join(', ')}`;
  }
  const key = issue.path[0];
  if (key === undefined) return `the file must contain one JSON object, like {"startAtLogin": true}`;
  // The server address schema writes whole sentences that already name the setting.
  return key === 'serverUrl' && issue.code === 'custom' && issue.message.startsWith('"serverUrl"')
    ? issue.message
    : `"${String(key)}" ${issue.message}`;
}

function unusable(path: string, reasons: string[]): LoadedManagedConfig {
  const list = reasons.map((reason) => `- ${reason}`).join('\n');
  return {
    path,
    values: {},
    problem: `The managed configuration ${path} was ignored, so the app started with its default settings:\n${list}`,
  };
}

export type CheckedManagedValues = { ok: true; values: ManagedValues } | { ok: false; reasons: string[] };

/** The one strict check every source goes through (the JSON file, Group Policy, a macOS
 * profile): unknown keys, wrong types and contradictions, every problem at once. */
export function checkManagedValues(raw: unknown): CheckedManagedValues {
  const parsed = fileSchema.safeParse(raw);
  return parsed.success ? { ok: true, values: parsed.data } : { ok: false, reasons: parsed.error.issues.map(describeIssue) };
}

/** Parses the file's text; every problem in it is reported at once, so IT fixes it in one go. */
export function parseManagedConfig(path: string, text: string): LoadedManagedConfig {
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return unusable(path, [`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const checked = checkManagedValues(json);
  if (!checked.ok) return unusable(path, checked.reasons);
  return { path, values: checked.values, problem: null };
}

export function loadManagedConfig(sources: ManagedConfigSources): LoadedManagedConfig {
  const path = managedConfigPath(sources.platform, sources.env);
  let text: string;
  try {
    text = sources.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No file in the system-wide place is the normal case; a file IT named explicitly must exist.
    if (code === 'ENOENT' && !sources.env[MANAGED_CONFIG_ENV]?.trim()) return { path, values: {}, problem: null };
    return unusable(path, [`it could not be read (${error instanceof Error ? error.message : String(error)})`]);
  }
  return parseManagedConfig(path, text);
}

/** The settings IT fixed: the app's own settings screen must not offer to change them. */
export function lockedSettings(values: ManagedValues): ManagedSettingKey[] {
  // Setting either half of the server choice fixes both.
  const fixesServer = values.serverMode !== undefined || values.serverUrl !== undefined;
  return KNOWN_KEYS.filter((key) => values[key] !== undefined || (fixesServer && SERVER_CHOICE.has(key)));
}

/** The file's values over the defaults. */
export function effectiveSettings(values: ManagedValues): ManagedSettings {
  return { ...DEFAULT_SETTINGS, ...values, serverMode: modeOf(values) };
}

/**
 * What main tells the renderer: the effective settings and which are locked, with the server
 * as actually chosen (INBOX_SERVER_URL wins over the file, and locks the choice too).
 */
export function managedConfigView(loaded: LoadedManagedConfig, server: ServerLocation): ManagedConfigView {
  const values: ManagedValues =
    server.kind === 'remote' && server.source === SERVER_URL_ENV
      ? { ...loaded.values, serverMode: 'remote', serverUrl: server.url }
      : loaded.values;
  return { settings: effectiveSettings(values), locked: lockedSettings(values), problem: loaded.problem };
}

/** The warning shown (without stopping the app) when IT's file could not be used. */
export function managedConfigProblemDialog(problem: string): { title: string; message: string; detail: string } {
  return {
    title: 'Front Desk Inbox',
    message: 'The settings your IT team prepared for this computer could not be used.',
    detail: `${problem}\n\nFront Desk Inbox works with its default settings until the file is corrected. Please tell whoever installed it.`,
  };
}
