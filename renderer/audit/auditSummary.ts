// Audit entries in plain words: what was done, and each changed field as "before → after"
// ("Allow read receipts: On → Off"). The server stores before/after as it sees fit, so this
// reads any flat or nested record and falls back to readable field names it does not know.
import type { AuditEntry } from '../../shared/auditEvents';
import type { Location } from '../../shared/domain';
import { grantLabel, type GrantKey } from '../team/grants';
import { MESSAGING_OPTIONS } from '../settings/messagingSettings';

export interface AuditNames {
  groups: ReadonlyMap<number, string>;
  locations: ReadonlyMap<number, string>;
}

export const noAuditNames: AuditNames = { groups: new Map(), locations: new Map() };

export const ACTION_TITLES: Record<AuditEntry['action'], string> = {
  'settings.update': 'Changed Client Connect settings',
  'group.create': 'Added a permission group',
  'group.update': 'Edited a permission group',
  'group.delete': 'Deleted a permission group',
  'member.create': 'Added a team member',
  'member.update': "Changed a team member's group or locations",
  'member.signOutEverywhere': 'Signed a team member out of all devices',
  'member.setPassword': "Set a team member's password",
  'member.deactivate': 'Deactivated a team member',
  'member.reactivate': 'Reactivated a team member',
  'reception.removeComputer': 'Removed a reception computer from quick switching',
  'client.update': "Changed a client's details",
  'clientNote.update': "Changed a client's note",
  'security.lockout': 'Locked out after too many wrong passwords or PINs',
  'storage.warning': 'Attachment storage passed 80 % of its limit',
  'team.refused': 'Was refused a team change',
  'quickReply.create': 'Added a quick reply',
  'quickReply.update': 'Edited a quick reply',
  'quickReply.delete': 'Deleted a quick reply',
};

const TEAM_REQUESTS: Record<string, string> = {
  'group:create': 'add a permission group',
  'group:update': 'edit a permission group',
  'member:create': 'add a team member',
  'member:update': "change a team member's group or locations",
  'member:set-password': "set a team member's password",
  'member:sign-out-everywhere': 'sign a team member out of all devices',
};

const GRANT_KEYS: readonly string[] = ['accessChats', 'replyChats', 'manageSettings', 'manageTeam', 'viewAuditLog'];

type Field = { label: string; format: (value: unknown, names: AuditNames) => string };

const onOff = (value: unknown) => (value === true ? 'On' : value === false ? 'Off' : plain(value));
const granted = (value: unknown) => (value === true ? 'Granted' : value === false ? 'Not granted' : plain(value));

const FIELDS: Record<string, Field> = {
  enabled: { label: 'Client Connect', format: (value) => (value === true ? 'Enabled' : value === false ? 'Disabled' : plain(value)) },
  ...Object.fromEntries(MESSAGING_OPTIONS.map(({ key, label }) => [key, { label, format: onOff }])),
  ...Object.fromEntries(
    GRANT_KEYS.map((key) => [
      key,
      { label: key === 'viewAuditLog' ? 'View audit log' : grantLabel(key as GrantKey), format: granted },
    ]),
  ),
  name: { label: 'Name', format: (value) => plain(value) },
  mobile: { label: 'Mobile number', format: (value) => plain(value) },
  email: { label: 'Email', format: (value) => plain(value) },
  emailNotifications: { label: 'Email notifications', format: onOff },
  smsNotifications: { label: 'Text message notifications', format: onOff },
  group: { label: 'Permission group', format: (value) => plain(value) },
  // A refused team change: the request asked for and the reason it was refused.
  request: { label: 'Asked to', format: (value) => TEAM_REQUESTS[String(value)] ?? plain(value) },
  reason: { label: 'Refused because', format: (value) => plain(value) },
  locations: { label: 'Locations', format: (value) => plain(value) },
  groupId: { label: 'Permission group', format: (value, names) => nameOf(value, names.groups, 'group') },
  locationIds: {
    label: 'Locations',
    format: (value, names) =>
      Array.isArray(value) ? (value.length ? value.map((id) => nameOf(id, names.locations, 'location')).join(', ') : 'None') : plain(value),
  },
};

function nameOf(value: unknown, names: ReadonlyMap<number, string>, kind: string): string {
  if (value === null || value === undefined) return 'None';
  return typeof value === 'number' ? (names.get(value) ?? `${kind} #${value}`) : plain(value);
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (isNamed(value)) return value.name;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value || '(empty)';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : 'None';
  return JSON.stringify(value);
}

/** "endedSessions" → "Ended sessions", for fields without a known label. */
const humanise = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ id, name }`: a group or location the server named for us; it reads as its name. */
const isNamed = (value: unknown): value is { id: number; name: string } =>
  isRecord(value) && typeof value.name === 'string' && 'id' in value && Object.keys(value).length === 2;

/** Nested records (e.g. a group's grants) flattened to their leaf fields; named things stay whole. */
function leaves(value: unknown, into = new Map<string, unknown>()): Map<string, unknown> {
  if (!isRecord(value)) return into;
  for (const [key, inner] of Object.entries(value)) {
    if (isRecord(inner) && !isNamed(inner)) leaves(inner, into);
    else into.set(key, inner);
  }
  return into;
}

const fieldFor = (key: string): Field => FIELDS[key] ?? { label: humanise(key), format: (value) => plain(value) };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One line per changed field; for a creation (nothing before), the values it started with. */
export function summariseChanges(before: unknown, after: unknown, names: AuditNames = noAuditNames): string[] {
  const old = leaves(before);
  const now = leaves(after);
  if (!isRecord(before) && isRecord(after)) {
    // What it started with; permissions it did not get would only be noise.
    return [...now]
      .filter(([, value]) => value !== false)
      .map(([key, value]) => `${fieldFor(key).label}: ${fieldFor(key).format(value, names)}`);
  }
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  return keys
    .filter((key) => !same(old.get(key), now.get(key)))
    .map((key) => {
      const { label, format } = fieldFor(key);
      return `${label}: ${format(old.get(key), names)} → ${format(now.get(key), names)}`;
    });
}

export function auditNamesFrom(groups: readonly { id: number; name: string }[], locations: readonly Location[]): AuditNames {
  return {
    groups: new Map(groups.map((group) => [group.id, group.name])),
    locations: new Map(locations.map((location) => [location.id, location.name])),
  };
}
