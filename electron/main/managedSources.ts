// Owns where managed settings come from and which wins. Highest first:
//   1. INBOX_SERVER_URL, for the server choice only (support and development; config.ts);
//   2. the operating system's policy: Windows Group Policy, or a macOS configuration profile;
//   3. the configuration file (managedConfig.ts);
//   4. the defaults.
// Each source is checked on its own, strictly and whole: one bad value ignores that whole
// source and says why. Then they are merged key by key; should the file contradict the policy
// (say, a port with a policy's remote server), the file is ignored and the policy stands.
import type { ManagedSettingKey } from '../../shared/ipc';
import { readMacManagedPreferences, MAC_MANAGED_PREFERENCES } from './macManagedPreferences';
import { checkManagedValues, loadManagedConfig, type LoadedManagedConfig, type ManagedConfigSources, type ManagedValues } from './managedConfig';
import { runSystemCommand, type CommandRunner, type RawManagedSource } from './policySource';
import { readWindowsPolicy, WINDOWS_POLICY_KEY } from './windowsPolicy';

export { runSystemCommand, type CommandRunner, type RawManagedSource };

/** One line for the log: which source, where, and what it set. */
export const describeManagedSource = (source: ManagedSourceReport): string =>
  `Managed settings: ${source.name} (${source.location}) ${source.state}${source.keys.length > 0 ? `: ${source.keys.join(', ')}` : ''}`;

export interface ManagedSourceReport {
  /** "Group Policy", "Configuration profile" or "Configuration file". */
  readonly name: string;
  /** The registry key or file it was read from. */
  readonly location: string;
  /** absent: it sets nothing; used: its keys apply; ignored: see problem. */
  readonly state: 'absent' | 'used' | 'ignored';
  readonly keys: ManagedSettingKey[];
  readonly problem: string | null;
}

export interface LoadedManagedSettings extends LoadedManagedConfig {
  /** Every source looked at, highest priority first (for diagnostics). */
  readonly sources: ManagedSourceReport[];
}

export interface ManagedSettingsSources extends ManagedConfigSources {
  readonly run: CommandRunner;
}

type PolicySource = { name: string; location: string; read: () => RawManagedSource };

function osPolicy(sources: ManagedSettingsSources): PolicySource | null {
  if (sources.platform === 'win32') return { name: 'Group Policy', location: WINDOWS_POLICY_KEY, read: () => readWindowsPolicy(sources.run) };
  if (sources.platform === 'darwin') {
    return { name: 'Configuration profile', location: MAC_MANAGED_PREFERENCES, read: () => readMacManagedPreferences({ readText: sources.readText, run: sources.run }) };
  }
  return null;
}

const listOf = (reasons: readonly string[]) => reasons.map((reason) => `- ${reason}`).join('\n');
const keysOf = (values: ManagedValues) => Object.keys(values) as ManagedSettingKey[];

function readPolicy(policy: PolicySource): { values: ManagedValues; report: ManagedSourceReport } {
  const base = { name: policy.name, location: policy.location };
  const raw = policy.read();
  if (raw.kind === 'absent') return { values: {}, report: { ...base, state: 'absent', keys: [], problem: null } };
  const checked = raw.kind === 'values' ? checkManagedValues(raw.raw) : { ok: false as const, reasons: raw.reasons };
  if (!checked.ok) {
    const problem = `The ${policy.name} settings (${policy.location}) were ignored, so the app started without them:\n${listOf(checked.reasons)}`;
    return { values: {}, report: { ...base, state: 'ignored', keys: [], problem } };
  }
  return { values: checked.values, report: { ...base, state: 'used', keys: keysOf(checked.values), problem: null } };
}

export function loadManagedSettings(sources: ManagedSettingsSources): LoadedManagedSettings {
  const policySource = osPolicy(sources);
  const policy = policySource ? readPolicy(policySource) : null;
  const file = loadManagedConfig(sources);
  const fileBase = { name: 'Configuration file', location: file.path };
  let fileReport: ManagedSourceReport = file.problem
    ? { ...fileBase, state: 'ignored', keys: [], problem: file.problem }
    : { ...fileBase, state: keysOf(file.values).length > 0 ? 'used' : 'absent', keys: keysOf(file.values), problem: null };

  let values: ManagedValues = { ...file.values, ...policy?.values };
  if (policy && policy.report.state === 'used' && fileReport.state === 'used') {
    const merged = checkManagedValues(values);
    if (!merged.ok) {
      const problem = `The managed configuration ${file.path} was ignored because it contradicts the ${policy.report.name} settings, which come first:\n${listOf(merged.reasons)}`;
      fileReport = { ...fileBase, state: 'ignored', keys: [], problem };
      values = policy.values;
    }
  }

  const reports = policy ? [policy.report, fileReport] : [fileReport];
  const problems = reports.map((report) => report.problem).filter((problem): problem is string => problem !== null);
  // Where the server address came from, for messages about it.
  const path = policy?.values.serverUrl !== undefined && policySource ? `${policySource.name} (${policySource.location})` : file.path;
  return { path, values, problem: problems.length > 0 ? problems.join('\n\n') : null, sources: reports };
}
