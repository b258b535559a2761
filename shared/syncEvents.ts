// Catch-up after a reconnect: "everything since the position I last saw". Positions
// are the database's own monotonic counters — message ids (AUTOINCREMENT), a read-state counter
// and the settings version — so a reconnecting app learns what it missed, not only what
// arrives after it is back. Merged into the staff and client request maps.
import { z } from 'zod';
import { settingsStateSchema } from './settingsEvents';
import { conversationSummarySchema, idSchema, messageSchema, timestampSchema } from './domain';
import { conversationEventSchema, unreadUpdateSchema } from './triageEvents';
import { internalNoteSchema } from './noteEvents';

const counterSchema = z.number().int().nonnegative();

export const SYNC_LIMIT_DEFAULT = 200;
export const SYNC_LIMIT_MAX = 500;
const syncLimitSchema = z.number().int().min(1).max(SYNC_LIMIT_MAX);

/** Where a staff app's knowledge ends. */
export const staffSyncPositionSchema = z.object({
  messageId: counterSchema,
  readPosition: counterSchema,
  settingsVersion: counterSchema,
  /** The last staff-only conversation event seen (status, snooze, assignment). */
  eventId: counterSchema.default(0),
  /** The member's own read state: moves on with each of their reads and marks as unread. */
  memberReadPosition: counterSchema.default(0),
  /** The last internal note seen. */
  noteId: counterSchema.default(0),
});
export type StaffSyncPosition = z.infer<typeof staffSyncPositionSchema>;

/** Same shape as the 'conversation:read' staff push, so one handler applies both. */
export const staffReadStateSchema = z.object({
  conversationId: idSchema,
  reader: z.enum(['business', 'client']),
  upToMessageId: idSchema,
  readAt: timestampSchema,
});

export const clientSyncPositionSchema = z.object({ messageId: counterSchema, readPosition: counterSchema });
export type ClientSyncPosition = z.infer<typeof clientSyncPositionSchema>;

export const staffSyncRequests = {
  /** `since: null` answers the current head with nothing else: where a fresh app starts. */
  'sync:since': {
    permission: 'signed-in',
    payload: z.object({ since: staffSyncPositionSchema.nullable(), limit: syncLimitSchema.optional() }),
    result: z.object({
      position: staffSyncPositionSchema,
      /** More is waiting beyond `position`: ask again from there. */
      hasMore: z.boolean(),
      /** Oldest first; only conversations the member may see. */
      messages: z.array(messageSchema),
      /** The current summaries of the conversations those messages, reads and events touched,
       * with the member's own unread counts. */
      conversations: z.array(conversationSummarySchema),
      reads: z.array(staffReadStateSchema),
      /** Staff-only events (status, snooze, assignment), oldest first. */
      events: z.array(conversationEventSchema),
      /** Internal notes (staff only), oldest first. */
      notes: z.array(internalNoteSchema),
      /** The member's own unread counts that their reads or marks changed. */
      unread: z.array(unreadUpdateSchema),
      /** The current settings when they changed since `since` (always with `since: null`). */
      settings: settingsStateSchema.nullable(),
    }),
  },
} as const;

export const clientSyncRequests = {
  'sync:since': {
    payload: z.object({ since: clientSyncPositionSchema.nullable(), limit: syncLimitSchema.optional() }),
    result: z.object({
      position: clientSyncPositionSchema,
      hasMore: z.boolean(),
      messagingEnabled: z.boolean(),
      messages: z.array(messageSchema),
      /** The business read the client's messages (only while read receipts are allowed). */
      reads: z.array(z.object({ conversationId: idSchema, upToMessageId: idSchema, readAt: timestampSchema })),
    }),
  },
} as const;
