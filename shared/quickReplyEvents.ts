// Quick replies: the workspace's library of saved replies. Members who may manage settings
// create, edit and delete them (Settings → Quick replies); members who may reply pick one in a
// conversation's composer, filled with that conversation's details (quickReplyTemplate.ts).
// A reply limited to some locations is offered only in their conversations.
import { z } from 'zod';
import { idSchema, locationSchema, MESSAGE_MAX_LENGTH, timestampSchema } from './domain';
import { PLACEHOLDER_NAMES, unknownPlaceholdersIn, unknownPlaceholdersMessage } from './quickReplyTemplate';

export const QUICK_REPLY_TITLE_MAX = 80;
export const QUICK_REPLY_TEXT_MAX = MESSAGE_MAX_LENGTH;
/** Locations one reply may be limited to. */
export const QUICK_REPLY_LOCATIONS_MAX = 100;
/** Replies the library may hold: enough for any salon, small enough to send whole. */
export const QUICK_REPLIES_MAX = 500;

/** What a manager writes. No locations: the reply is offered at every location. */
export const quickReplyDraftSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the reply a title.')
    .max(QUICK_REPLY_TITLE_MAX, `A title can be at most ${QUICK_REPLY_TITLE_MAX} characters.`),
  text: z
    .string()
    .trim()
    .min(1, 'Write the reply.')
    .max(QUICK_REPLY_TEXT_MAX, `A reply can be at most ${QUICK_REPLY_TEXT_MAX} characters.`)
    .superRefine((text, context) => {
      const unknown = unknownPlaceholdersIn(text);
      if (unknown.length > 0) context.addIssue({ code: 'custom', message: unknownPlaceholdersMessage(unknown) });
    }),
  locationIds: z
    .array(idSchema)
    .max(QUICK_REPLY_LOCATIONS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'Choose each location once.'),
});
export type QuickReplyDraft = z.infer<typeof quickReplyDraftSchema>;

export const quickReplySchema = z.object({
  id: idSchema,
  title: z.string(),
  text: z.string(),
  locationIds: z.array(idSchema),
  /** Moves on with every edit: an edit names the version it was made from. */
  version: z.number().int().positive(),
  updatedAt: timestampSchema,
});
export type QuickReply = z.infer<typeof quickReplySchema>;

/** A reply filled in for one conversation: `missing` lists the placeholders left as written
 * because the conversation has no value for them (e.g. no upcoming appointment). */
export const filledQuickReplySchema = z.object({
  id: idSchema,
  title: z.string(),
  text: z.string(),
  missing: z.array(z.enum(PLACEHOLDER_NAMES as [string, ...string[]])),
});
export type FilledQuickReply = z.infer<typeof filledQuickReplySchema>;

export const quickReplyRequests = {
  /** The whole library with the workspace's locations, for Settings. */
  'quickReply:library': {
    permission: 'settings.manage',
    payload: z.object({}),
    result: z.object({ items: z.array(quickReplySchema), locations: z.array(locationSchema) }),
  },
  'quickReply:create': { permission: 'settings.manage', payload: z.object({ reply: quickReplyDraftSchema }), result: quickReplySchema },
  'quickReply:update': {
    permission: 'settings.manage',
    payload: z.object({ id: idSchema, reply: quickReplyDraftSchema, baseVersion: z.number().int().positive() }),
    result: quickReplySchema,
  },
  'quickReply:delete': { permission: 'settings.manage', payload: z.object({ id: idSchema }), result: z.object({ id: idSchema }) },
  /** The replies offered in a conversation (its location's and everyone's), filled in with its
   * details, by title. */
  'quickReply:list': {
    permission: 'chats.reply',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ items: z.array(filledQuickReplySchema) }),
  },
} as const;

export const quickReplyPushes = {
  /** A reply offered at the receiving member's locations was added, changed or removed: open
   * composers fetch their replies again. It carries no reply, so it tells nobody more than that. */
  'quickReplies:changed': z.object({}),
} as const;
