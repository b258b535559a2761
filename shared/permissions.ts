// Permission rules shared by the server (which enforces them) and the renderer (which only
// uses them to hide controls). Replying needs access too (R7).
import { z } from 'zod';

export const grantsSchema = z.object({
  accessChats: z.boolean(),
  replyChats: z.boolean(),
  manageSettings: z.boolean(),
  manageTeam: z.boolean(),
});
export type Grants = z.infer<typeof grantsSchema>;

export type Permission = 'chats.access' | 'chats.reply' | 'settings.manage' | 'team.manage';

export const roleSchema = z.enum(['owner', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const noGrants: Grants = {
  accessChats: false,
  replyChats: false,
  manageSettings: false,
  manageTeam: false,
};

/** Owners can do everything; everyone else has exactly what their permission group grants. */
export function effectiveGrants(role: Role, group: Grants | null): Grants {
  if (role === 'owner') {
    return { accessChats: true, replyChats: true, manageSettings: true, manageTeam: true };
  }
  const granted = group ?? noGrants;
  return { ...granted, replyChats: granted.replyChats && granted.accessChats };
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
  }
}
