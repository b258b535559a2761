// Settings → Team for managers: permission groups and team members. What a manager may change
// is limited by the rules in teamRules.ts.
import { z } from 'zod';
import { idSchema, locationSchema, memberSchema } from './domain';
import { newPasswordSchema } from './http';
import { groupGrantsSchema } from './permissions';

export const GROUP_NAME_MAX = 60;
export const permissionGroupSchema = z.object({
  id: idSchema,
  name: z.string(),
  grants: groupGrantsSchema,
  memberCount: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
});
export type PermissionGroup = z.infer<typeof permissionGroupSchema>;

export const teamMemberSchema = memberSchema.extend({
  /** Owners are in no group: they can do everything. */
  groupId: idSchema.nullable(),
  locationIds: z.array(idSchema),
  /** When a manager deactivated them (they cannot sign in); absent while active. */
  deactivatedAt: z.number().int().nonnegative().optional(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  groups: z.array(permissionGroupSchema),
  members: z.array(teamMemberSchema),
  locations: z.array(locationSchema),
});
export type Team = z.infer<typeof teamSchema>;

const groupNameSchema = z.string().trim().min(1, 'Give the group a name.').max(GROUP_NAME_MAX);

export const teamRequests = {
  'team:get': { permission: 'team.manage', payload: z.object({}), result: teamSchema },
  'group:create': {
    permission: 'team.manage',
    payload: z.object({ name: groupNameSchema, grants: groupGrantsSchema }),
    result: permissionGroupSchema,
  },
  /** Only an empty group can be deleted: members (deactivated ones too) move elsewhere first. */
  'group:delete': {
    permission: 'team.manage',
    payload: z.object({ groupId: idSchema }),
    result: z.object({ groupId: idSchema }),
  },
  'group:update': {
    permission: 'team.manage',
    payload: z.object({
      groupId: idSchema,
      name: groupNameSchema,
      grants: groupGrantsSchema,
      baseVersion: z.number().int().nonnegative(),
    }),
    result: permissionGroupSchema,
  },
  /** A new team member (never an owner) with the password they first sign in with; they can
   * change it on their Profile page. */
  'member:create': {
    permission: 'team.manage',
    payload: z.object({
      name: z.string().trim().min(1, 'Give their name.').max(120),
      email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
      password: newPasswordSchema,
      groupId: idSchema,
      locationIds: z.array(idSchema).max(100),
    }),
    result: teamMemberSchema,
  },
  'member:update': {
    permission: 'team.manage',
    payload: z.object({
      memberId: idSchema,
      groupId: idSchema,
      locationIds: z.array(idSchema).max(100),
    }),
    result: teamMemberSchema,
  },
  /** A forgotten password: the manager sets a new one to hand over (the member can change it on
   * their Profile page); every session of the member ends. */
  'member:set-password': {
    permission: 'team.manage',
    payload: z.object({ memberId: idSchema, password: newPasswordSchema }),
    result: z.object({ endedSessions: z.number().int().nonnegative() }),
  },
  /** Deactivates a member instead of deleting them (their messages and audit history keep their
   * name): every session ends, their PIN is cleared, and they cannot sign in. Never oneself. */
  'member:deactivate': {
    permission: 'team.manage',
    payload: z.object({ memberId: idSchema }),
    result: z.object({ endedSessions: z.number().int().nonnegative() }),
  },
  /** Lets a deactivated member sign in again, with the group and locations they had. */
  'member:reactivate': {
    permission: 'team.manage',
    payload: z.object({ memberId: idSchema }),
    result: teamMemberSchema,
  },
  /** Ends every session of a member, so a permission change applies now (R8). */
  'member:sign-out-everywhere': {
    permission: 'team.manage',
    payload: z.object({ memberId: idSchema }),
    result: z.object({ endedSessions: z.number().int().nonnegative() }),
  },
} as const;
