// Reads the managed settings Windows Group Policy writes (build/policies/FrontDeskInbox.admx)
// from HKLM\SOFTWARE\Policies\FrontDeskInbox\FrontDeskInbox, through `reg query` (part of
// every Windows), so no native module is needed. Registry values become the same JSON-like
// values the configuration file holds, and go through the same strict check.
import { MANAGED_SETTING_KINDS, type ManagedSettingKind } from './managedConfig';
import type { CommandRunner, RawManagedSource } from './policySource';

export const WINDOWS_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\FrontDeskInbox\\FrontDeskInbox';

export type RegistryValue = { name: string; type: string; data: string };

/** A value line of `reg query`: four spaces, the name, the type, the data, four spaces apart. */
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_0-9]+)(?: {4}(.*))?$/;

/** The values `reg query <key>` printed for the key itself (subkeys are not ours). */
export function parseRegQuery(output: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = VALUE_LINE.exec(line);
    if (match) values.push({ name: match[1] ?? '', type: match[2] ?? '', data: match[3] ?? '' });
  }
  return values;
}

const STRING_TYPES = new Set(['REG_SZ', 'REG_EXPAND_SZ']);
const NUMBER_TYPES = new Set(['REG_DWORD', 'REG_QWORD']);

const expectedType = (kind: ManagedSettingKind): string =>
  kind === 'on-off' || kind === 'whole-number' ? 'REG_DWORD' : kind === 'id-or-name' ? 'REG_SZ (or REG_DWORD for an id)' : 'REG_SZ';

/**
 * A registry value as the configuration file would hold it: DWORD 1/0 as true/false for on/off
 * settings, other DWORDs as numbers, strings as strings (a location of digits is an id). A
 * value of another type, or a DWORD other than 0/1 for an on/off setting, is left as is so the
 * strict check names it.
 */
function toJsonValue(value: RegistryValue): { ok: true; value: unknown } | { ok: false; reason: string } {
  const kind = (MANAGED_SETTING_KINDS as Record<string, ManagedSettingKind | undefined>)[value.name];
  if (NUMBER_TYPES.has(value.type)) {
    const number = Number(value.data);
    if (!/^0x[0-9a-fA-F]+$/.test(value.data) || !Number.isSafeInteger(number)) {
      return { ok: false, reason: `"${value.name}" has an unreadable ${value.type} value "${value.data}"` };
    }
    if (kind === 'on-off' && (number === 0 || number === 1)) return { ok: true, value: number === 1 };
    return { ok: true, value: number };
  }
  if (STRING_TYPES.has(value.type)) {
    if (kind === 'id-or-name' && /^\d{1,9}$/.test(value.data.trim())) return { ok: true, value: Number(value.data.trim()) };
    return { ok: true, value: value.data };
  }
  const expected = kind === undefined ? 'REG_SZ or REG_DWORD' : expectedType(kind);
  return { ok: false, reason: `"${value.name}" is a ${value.type} value; it must be ${expected}` };
}

/** `reg query` says this when the key does not exist (no policy set): English and exit code 1. */
const KEY_MISSING = /unable to find the specified registry key/i;

export function readWindowsPolicy(run: CommandRunner): RawManagedSource {
  let result: ReturnType<CommandRunner>;
  try {
    // /reg:64: the policy key as Group Policy writes it, whichever build of the app runs.
    result = run('reg', ['query', WINDOWS_POLICY_KEY, '/reg:64']);
  } catch (error) {
    return { kind: 'unreadable', reasons: [`the registry could not be read (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (result.status !== 0) {
    // Other languages word the message differently; exit code 1 with no output is the same case.
    if (KEY_MISSING.test(result.stderr) || (result.status === 1 && result.stdout.trim() === '')) return { kind: 'absent' };
    return { kind: 'unreadable', reasons: [`the registry could not be read (reg query exited with ${result.status}: ${result.stderr.trim()})`] };
  }
  const raw: Record<string, unknown> = {};
  const reasons: string[] = [];
  for (const value of parseRegQuery(result.stdout)) {
    const converted = toJsonValue(value);
    if (converted.ok) raw[value.name] = converted.value;
    else reasons.push(converted.reason);
  }
  if (reasons.length > 0) return { kind: 'unreadable', reasons };
  return Object.keys(raw).length === 0 ? { kind: 'absent' } : { kind: 'values', raw };
}
