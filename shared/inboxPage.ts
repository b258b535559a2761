// A page of the inbox list, what asks for one, and the first inbox a member sees. The first
// inbox (the first page of the Open view over all the member's locations, and the counts beside
// the views) is answered with the sign-in itself, so the app draws its first rows without
// waiting for its socket; it is exactly what `conversation:list` and `conversation:counts`
// would answer that session.
import { z } from 'zod';
import { conversationSummarySchema, idSchema, pageLimitSchema } from './domain';
import { inboxViewSchema, locationCountsSchema } from './triageEvents';

/** Opaque keyset cursor for the conversation list (newest activity first). */
export const conversationCursorSchema = z.string().min(1).max(64);

export const conversationPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  nextCursor: conversationCursorSchema.nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

/** The payload of `conversation:list`. */
export const conversationListRequestSchema = z.object({
  /** Which conversations: 'all' when omitted. */
  view: inboxViewSchema.optional(),
  locationId: idSchema.optional(),
  /** Only conversations with messages this member has not read. */
  unreadOnly: z.boolean().optional(),
  cursor: conversationCursorSchema.optional(),
  limit: pageLimitSchema.optional(),
});
export type ConversationListRequest = z.infer<typeof conversationListRequestSchema>;

/** The page the inbox opens on when the member has not chosen another view on this computer. */
export const FIRST_INBOX_REQUEST = { view: 'open', limit: 30 } as const satisfies ConversationListRequest;

export const firstInboxSchema = z.object({
  /** The `conversation:list` payload `page` answers. */
  request: conversationListRequestSchema,
  page: conversationPageSchema,
  /** What `conversation:counts` answers: the member's counts per location. */
  counts: z.array(locationCountsSchema),
});
export type FirstInbox = z.infer<typeof firstInboxSchema>;
