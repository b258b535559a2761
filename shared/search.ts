// The inbox search (search:query): full-text matches in message text and client names, newest
// first, only ever from the member's locations.
import { z } from 'zod';
import { clientSummarySchema, idSchema, locationSchema, pageLimitSchema, timestampSchema } from './domain';

export const SEARCH_QUERY_MAX_LENGTH = 200;

export const searchPayloadSchema = z.object({
  /** What the member typed: words, matched as whole words except the last, which may be a prefix. */
  query: z.string().trim().min(1, 'Type something to search for.').max(SEARCH_QUERY_MAX_LENGTH),
  /** Only this location (one of the member's). */
  locationId: idSchema.optional(),
  /** Message matches older than this message id: the next page. */
  beforeMessageId: idSchema.optional(),
  limit: pageLimitSchema.optional(),
});

/** A conversation whose client's name matches. */
export const clientHitSchema = z.object({
  conversationId: idSchema,
  client: clientSummarySchema,
  location: locationSchema,
  lastActivityAt: timestampSchema,
  unreadCount: z.number().int().nonnegative(),
});
export type ClientHit = z.infer<typeof clientHitSchema>;

/** A message whose text matches. */
export const messageHitSchema = z.object({
  messageId: idSchema,
  conversationId: idSchema,
  client: clientSummarySchema,
  location: locationSchema,
  authorKind: z.enum(['client', 'staff']),
  text: z.string(),
  createdAt: timestampSchema,
});
export type MessageHit = z.infer<typeof messageHitSchema>;

export const searchResultSchema = z.object({
  /** Only on the first page: client names are few and need no paging. */
  clients: z.array(clientHitSchema),
  /** Newest first. */
  messages: z.array(messageHitSchema),
  /** Pass as beforeMessageId for older matches; null when there are none. */
  nextBeforeMessageId: idSchema.nullable(),
  /** Older messages are still being added to the search index (for a while after an upgrade or
   * a restore): matches among them may be missing. */
  olderMessagesIndexing: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
