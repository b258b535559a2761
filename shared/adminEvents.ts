// Staff requests for managers: Client Connect settings, permission groups, team members and
// the audit log. Merged into `staffRequests`; each declares the permission the server checks.
import { z } from 'zod';
import { idSchema, locationSchema, memberSchema, timestampSchema, workspaceSettingsSchema } from './domain';
import { newPasswordSchema } from './http';
import { groupGrantsSchema } from './permissions';

/** Settings with the version they are at; a save names the version it was based on. */
export const settingsStateSchema = z.object({
  settings: workspaceSettingsSchema,
  version: z.number().int().nonnegative(),
  updatedAt: timestampSchema,
});
export type SettingsState = z.infer<typeof settingsStateSchema>;

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
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  groups: z.array(permissionGroupSchema),
  members: z.array(teamMemberSchema),
  locations: z.array(locationSchema),
});
export type Team = z.infer<typeof teamSchema>;

export const auditActionSchema = z.enum([
  'settings.update',
  'group.create',
  'group.update',
  'member.create',
  'member.update',
  'member.signOutEverywhere',
  'member.setPassword',
  'reception.removeComputer',
  'client.update',
  'security.lockout',
  'storage.warning',
  /** A Team page change refused by its rules (shared/teamRules.ts): who asked for what, and why not. */
  'team.refused',
]);
export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  actor: z.object({ id: idSchema, name: z.string() }),
  action: auditActionSchema,
  /** What changed, e.g. "Permission group Stylists". */
  subject: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A computer set up for quick switching (PIN sign-in) at one location. */
export const receptionComputerSchema = z.object({
  id: idSchema,
  location: locationSchema,
  /** Who set it up (null once that member is gone). */
  registeredBy: z.string().nullable(),
  registeredAt: timestampSchema,
  /** Locked after too many wrong PINs; a password sign-in on it sets it up again. */
  locked: z.boolean(),
});
export type ReceptionComputer = z.infer<typeof receptionComputerSchema>;

const groupNameSchema = z.string().trim().min(1, 'Give the group a name.').max(GROUP_NAME_MAX);

export const adminRequests = {
  'settings:update': {
    permission: 'settings.manage',
    payload: z.object({ settings: workspaceSettingsSchema, baseVersion: z.number().int().nonnegative() }),
    result: settingsStateSchema,
  },
  'settings:get': { permission: 'settings.manage', payload: z.object({}), result: settingsStateSchema },
  'team:get': { permission: 'team.manage', payload: z.object({}), result: teamSchema },
  'group:create': {
    permission: 'team.manage',
    payload: z.object({ name: groupNameSchema, grants: groupGrantsSchema }),
    result: permissionGroupSchema,
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
  /** Ends every session of a member, so a permission change applies now (R8). */
  /** A forgotten password: the manager sets a new one to hand over (the member can change it on
   * their Profile page); every session of the member ends. */
  'member:set-password': {
    permission: 'team.manage',
    payload: z.object({ memberId: idSchema, password: newPasswordSchema }),
    result: z.object({ endedSessions: z.number().int().nonnegative() }),
  },
  'member:sign-out-everywhere': {
    permission: 'team.manage',
    payload: z.object({ memberId: idSchema }),
    result: z.object({ endedSessions: z.number().int().nonnegative() }),
  },
  /** Computers set up for quick switching, newest first. */
  'reception:list-computers': { permission: 'team.manage', payload: z.object({}), result: z.object({ items: z.array(receptionComputerSchema) }) },
  /** Stops a computer switching by PIN (lost, sold, moved): it needs a password sign-in again. */
  'reception:remove-computer': { permission: 'team.manage', payload: z.object({ computerId: idSchema }), result: z.object({ removed: z.literal(true) }) },
  /** Attachment storage against the workspace's quota, for the owners' warning banner (owners
   * only, like the audit log where the warning is also recorded). */
  'storage:get': {
    permission: 'audit.view',
    payload: z.object({}),
    result: z.object({
      usedBytes: z.number().int().nonnegative(),
      quotaBytes: z.number().int().positive(),
      /** Owners are warned from here on. */
      warnAtBytes: z.number().int().nonnegative(),
    }),
  },
  'audit:list': {
    permission: 'audit.view',
    payload: z.object({ beforeId: idSchema.optional(), limit: z.number().int().min(1).max(100).optional() }),
    result: z.object({ items: z.array(auditEntrySchema), hasMore: z.boolean() }),
  },
} as const;
