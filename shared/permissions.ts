// Permission rules shared by the server (which enforces them) and the renderer (which only
// uses them to hide controls). Replying needs access too (R7).
import { z } from 'zod';

/** What a permission group can grant (Settings → Team → permission group). */
export const groupGrantsSchema = z.object({
  accessChats: z.boolean(),
  replyChats: z.boolean(),
  manageSettings: z.boolean(),
  manageTeam: z.boolean(),
});
export type GroupGrants = z.infer<typeof groupGrantsSchema>;

/** What a session may do: its group's grants, plus what only owners have. */
export const grantsSchema = groupGrantsSchema.extend({
  /** The audit log of settings and permission changes is visible to owners only. */
  viewAuditLog: z.boolean(),
});
export type Grants = z.infer<typeof grantsSchema>;

export type Permission = 'chats.access' | 'chats.reply' | 'settings.manage' | 'team.manage' | 'audit.view';

/** For requests any signed-in member may make (their own profile, the session itself). */
export const SIGNED_IN = 'signed-in';
/** What a staff request declares it needs; the server checks it before any handler runs. */
export type RequiredPermission = Permission | typeof SIGNED_IN;

export const roleSchema = z.enum(['owner', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const noGrants: Grants = {
  accessChats: false,
  replyChats: false,
  manageSettings: false,
  manageTeam: false,
  viewAuditLog: false,
};

/** Owners can do everything; everyone else has exactly what their permission group grants. */
export function effectiveGrants(role: Role, group: GroupGrants | null): Grants {
  if (role === 'owner') {
    return { accessChats: true, replyChats: true, manageSettings: true, manageTeam: true, viewAuditLog: true };
  }
  const granted = group ?? noGrants;
  return {
    accessChats: granted.accessChats,
    replyChats: granted.replyChats && granted.accessChats,
    manageSettings: granted.manageSettings,
    manageTeam: granted.manageTeam,
    viewAuditLog: false,
  };
}

export function can(grants: Grants, permission: Permission): boolean {
  switch (permission) {
    case 'chats.access':
      return grants.accessChats;
    case 'chats.reply':
      return grants.accessChats && grants.replyChats;
    case 'settings.manage':
      return grants.manageSettings;
    case 'team.manage':
      return grants.manageTeam;
    case 'audit.view':
      return grants.viewAuditLog;
  }
}
