// Builds the text "Copy diagnostics" puts on the clipboard for IT to send to support: versions,
// OS, the settings and where they came from, the server address, the update state and the last
// problems in the logs. Never message text or secrets: nothing is read from the preference cache
// (outboxes, drafts, the reception device token), and what comes from the logs is cut down to
// the log's own message, its level and time and an error's type and code, then scrubbed of
// anything that looks like a credential, an address or quoted text.
import { DEFAULT_MANAGED_SETTINGS, type ManagedConfigView, type ManagedSettingKey, type UpdateStatus } from '../../shared/ipc';
import type { ManagedSourceReport } from './managedSources';

export const DIAGNOSTICS_PROBLEMS_SHOWN = 20;
const SUMMARY_MAX_CHARS = 200;
const SETTING_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_MANAGED_SETTINGS));

export interface DiagnosticsInput {
  readonly now: Date;
  readonly appVersion: string;
  readonly electronVersion: string | null;
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  readonly serverUrl: string;
  readonly settings: ManagedConfigView;
  readonly sources: readonly ManagedSourceReport[];
  readonly updates: UpdateStatus;
  readonly logsFolder: string;
  /** The tails of the log files, oldest line first. */
  readonly logs: { readonly main: readonly string[]; readonly server: readonly string[] };
}

const SCRUBBERS: [RegExp, string][] = [
  // A user name and password inside an address.
  [/\/\/[^\s/@]+@/g, '//[redacted]@'],
  // Query strings and #fragments carry tokens (client page links: #token=…).
  [/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/gi, '$1?[redacted]'],
  [/\b(bearer|basic)\s+\S+/gi, '$1 [redacted]'],
  [/\b(password|passwd|pass|pin|token|secret|key|authorization|cookie)(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1$2[redacted]'],
  [/[^\s@"'<>/:[\]]+@[^\s@"'<>/]+\.[a-z]{2,}/gi, '[email]'],
  // Quoted text may be anything a person typed.
  [/"[^"\n]*"|“[^”\n]*”|'[^'\n]{3,}'/g, '"…"'],
];

/** Long runs of letters and digits: tokens, keys, hashes. Error codes such as
 * ERR_UPDATER_CHANNEL_FILE_NOT_FOUND (capitals and underscores) are what support needs. */
const LONG_RUN = /[A-Za-z0-9_\-+/=]{24,}/g;
const ERROR_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** Removes what could be a secret or a person's words from a line meant for support. */
export function scrub(text: string): string {
  const scrubbed = SCRUBBERS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text).replace(LONG_RUN, (run) =>
    ERROR_CODE.test(run) ? run : '[redacted]',
  );
  return scrubbed.length > SUMMARY_MAX_CHARS ? `${scrubbed.slice(0, SUMMARY_MAX_CHARS)}…` : scrubbed;
}

type Problem = { time: string; level: string; source: 'app' | 'server'; summary: string };

const ERROR_LEVELS = new Set(['error', 'warn', 'fatal', 50, 40, 60]);

/** An error or warning line of either log, reduced to what is safe to send. */
function problemOf(line: string, source: Problem['source']): Problem | null {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    // Plain lines (the server's start-up text) are not error reports.
    return null;
  }
  if (typeof entry !== 'object' || entry === null) return null;
  const { level, time, msg, error, err } = entry as Record<string, unknown>;
  if (!ERROR_LEVELS.has(level as string)) return null;
  const cause = (typeof error === 'object' && error !== null ? error : typeof err === 'object' && err !== null ? err : null) as Record<string, unknown> | null;
  const causeName = [cause?.type, cause?.code].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
  const summary = `${typeof msg === 'string' ? msg : 'No message'}${causeName ? ` (${causeName})` : ''}`;
  return { time: typeof time === 'string' ? time : typeof time === 'number' ? new Date(time).toISOString() : '?', level: String(level), source, summary: scrub(summary) };
}

const onOff = (value: boolean) => (value ? 'on' : 'off');

function settingLine(view: ManagedConfigView, key: ManagedSettingKey): string {
  const value = view.settings[key];
  const shown = typeof value === 'boolean' ? onOff(value) : value === null ? 'not set' : scrub(String(value));
  return `  ${key}: ${shown}${view.locked.includes(key) ? ' (managed by IT)' : ''}`;
}

function sourceLines(source: ManagedSourceReport): string[] {
  const head = `  ${source.name} (${scrub(source.location)}): ${source.state}${source.keys.length > 0 ? ` — ${source.keys.join(', ')}` : ''}`;
  if (!source.problem) return [head];
  // The reasons name the setting (kept) and quote the value IT wrote (scrubbed with all quotes).
  const reasons = source.problem
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => `      ${scrub(line.replace(/"(\w+)"/g, (quoted, key: string) => (SETTING_KEYS.has(key) ? key : quoted)))}`);
  return [head, ...reasons];
}

function updatesLine(updates: UpdateStatus): string {
  if (updates.state === 'off') return `  off (${updates.offReason ?? 'unknown reason'})`;
  const parts: string[] = [updates.state];
  if (updates.version) parts.push(`version ${updates.version}`);
  if (updates.feedUrl) parts.push(`from ${scrub(updates.feedUrl)}`);
  if (updates.checkedAt) parts.push(`last checked ${new Date(updates.checkedAt).toISOString()}`);
  if (updates.waitingReplies > 0) parts.push(`${updates.waitingReplies} replies waiting to be sent`);
  if (updates.problem) parts.push(`problem: ${scrub(updates.problem)}`);
  return `  ${parts.join(', ')}`;
}

export function buildDiagnostics(input: DiagnosticsInput): string {
  const problems = [
    ...input.logs.main.map((line) => problemOf(line, 'app')),
    ...input.logs.server.map((line) => problemOf(line, 'server')),
  ]
    .filter((problem): problem is Problem => problem !== null)
    .sort((a, b) => a.time.localeCompare(b.time))
    .slice(-DIAGNOSTICS_PROBLEMS_SHOWN);
  const keys = Object.keys(input.settings.settings) as ManagedSettingKey[];
  return [
    'Front Desk Inbox diagnostics',
    `Created: ${input.now.toISOString()}`,
    `App version: ${input.appVersion}${input.electronVersion ? ` (Electron ${input.electronVersion})` : ''}`,
    `OS: ${input.os.platform} ${input.os.release} (${input.os.arch})`,
    `Server: ${input.settings.settings.serverMode === 'remote' ? 'remote' : 'on this computer'}, ${scrub(input.serverUrl)}`,
    `Logs folder: ${input.logsFolder}`,
    '',
    'Settings:',
    ...keys.map((key) => settingLine(input.settings, key)),
    '',
    'Settings sources (highest priority first; INBOX_SERVER_URL overrides the server):',
    ...input.sources.flatMap(sourceLines),
    '',
    'Updates:',
    updatesLine(input.updates),
    '',
    `Recent problems in the logs (last ${DIAGNOSTICS_PROBLEMS_SHOWN}, oldest first):`,
    ...(problems.length > 0 ? problems.map((problem) => `  ${problem.time} ${problem.level} ${problem.source}: ${problem.summary}`) : ['  none']),
    '',
  ].join('\n');
}
