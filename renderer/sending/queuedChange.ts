// A change of a conversation's status, snooze or assignment as the outbox keeps it.
import { z } from 'zod';
import { idSchema, memberRefSchema, timestampSchema } from '../../shared/domain';

export const triageChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.enum(['open', 'done']) }),
  z.object({ type: z.literal('snooze'), until: timestampSchema }),
  /** Kept with the name, so a waiting change can say who it assigns to. */
  z.object({ type: z.literal('assign'), assignee: memberRefSchema.nullable() }),
]);
export type TriageChange = z.infer<typeof triageChangeSchema>;

export const queuedChangeSchema = z.object({
  conversationId: idSchema,
  /** The conversation's version the member saw when they made the change. */
  expectedVersion: z.number().int().nonnegative(),
  change: triageChangeSchema,
});
export type QueuedChange = z.infer<typeof queuedChangeSchema>;
