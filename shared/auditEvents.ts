// The audit log (owners only) and the attachment storage it warns about.
import { z } from 'zod';
import { idSchema, timestampSchema } from './domain';

export const auditActionSchema = z.enum([
  'settings.update',
  'group.create',
  'group.update',
  'group.delete',
  'member.create',
  'member.update',
  'member.signOutEverywhere',
  'member.setPassword',
  'member.deactivate',
  'member.reactivate',
  'reception.removeComputer',
  'client.update',
  /** A client note was saved: who and when, not its text. */
  'clientNote.update',
  'security.lockout',
  'storage.warning',
  'quickReply.create',
  'quickReply.update',
  'quickReply.delete',
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

export const auditRequests = {
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
