// The permissions a group can grant, worded as in the help article and grouped as on the
// permission group page, with the one rule between them: replying needs access (R7).
import type { GroupGrants } from '../../shared/permissions';

export type GrantKey = keyof GroupGrants;

export interface GrantOption {
  key: GrantKey;
  label: string;
  description: string;
}

export const GRANT_SECTIONS: readonly { title: string; options: readonly GrantOption[] }[] = [
  {
    title: 'Client messaging',
    options: [
      {
        key: 'accessChats',
        label: 'Access client chats',
        description: 'View all client chats, message history and attachments.',
      },
      {
        key: 'replyChats',
        label: 'Reply to client chats',
        description: 'Send messages and start conversations with clients. Needs Access client chats.',
      },
    ],
  },
  {
    title: 'Workspace',
    options: [
      {
        key: 'manageSettings',
        label: 'Manage Client Connect settings',
        description: 'Turn Client Connect on or off and change how it works for clients.',
      },
      {
        key: 'manageTeam',
        label: 'Manage team',
        description: "Add and edit permission groups, and set team members' groups and locations.",
      },
    ],
  },
];

const ALL_OPTIONS = GRANT_SECTIONS.flatMap((section) => section.options);

export const grantLabel = (key: GrantKey): string => ALL_OPTIONS.find((option) => option.key === key)?.label ?? key;

export const NO_GRANTS: GroupGrants = { accessChats: false, replyChats: false, manageSettings: false, manageTeam: false };

/** Reply can only be ticked once Access is. */
export const canTickGrant = (grants: GroupGrants, key: GrantKey): boolean => key !== 'replyChats' || grants.accessChats;

/** Ticks or unticks one permission; unticking Access takes Reply with it. */
export function withGrant(grants: GroupGrants, key: GrantKey, value: boolean): GroupGrants {
  if (value && !canTickGrant(grants, key)) return grants;
  const next = { ...grants, [key]: value };
  if (key === 'accessChats' && !value) next.replyChats = false;
  return next;
}

/** "Access client chats, Reply to client chats", or "No permissions". */
export function describeGrants(grants: GroupGrants): string {
  const granted = ALL_OPTIONS.filter((option) => grants[option.key]).map((option) => option.label);
  return granted.length > 0 ? granted.join(', ') : 'No permissions';
}

export const sameGrants = (a: GroupGrants, b: GroupGrants): boolean => ALL_OPTIONS.every(({ key }) => a[key] === b[key]);
