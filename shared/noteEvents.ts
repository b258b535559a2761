// Notes: what the team writes for itself, never for the client. Internal notes sit in a
// conversation's timeline among its messages, may @mention colleagues who can see the
// conversation, and reach no client connection, client API, email or text. A client note is one
// free text per client (patch test, allergies, preferences) shown beside the chat; each save
// names the version it was edited from, so a colleague's newer save is shown, never overwritten.
import { z } from 'zod';
import { senderMessageIdSchema, idSchema, memberRefSchema, sharedConversationSummarySchema, timestampSchema } from './domain';

export const NOTE_MAX_LENGTH = 2000;
/** Colleagues one note may mention. */
export const NOTE_MENTIONS_MAX = 20;
/** A conversation's newest notes the timeline gets at once. */
export const NOTES_PAGE_MAX = 200;
export const CLIENT_NOTE_MAX_LENGTH = 2000;

export const noteTextSchema = z
  .string()
  .trim()
  .min(1, 'A note cannot be empty.')
  .max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH} characters.`);

export const internalNoteSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  author: memberRefSchema,
  text: z.string(),
  /** The colleagues it notified: those mentioned who could see the conversation. */
  mentions: z.array(memberRefSchema),
  /** The writer's own id for it, so one written offline and sent again is stored once. */
  senderNoteId: senderMessageIdSchema,
  createdAt: timestampSchema,
});
export type InternalNote = z.infer<typeof internalNoteSchema>;

/** A colleague the writer may @mention, and whether they can see this conversation (Access at
 * its location, still on the team): only those who can are notified. */
export const mentionableSchema = memberRefSchema.extend({ canSee: z.boolean() });
export type Mentionable = z.infer<typeof mentionableSchema>;

export const clientNoteSchema = z.object({
  clientId: idSchema,
  text: z.string(),
  /** 0: never written. Each save moves it on by one. */
  version: z.number().int().nonnegative(),
  updated: z.object({ at: timestampSchema, by: memberRefSchema }).nullable(),
});
export type ClientNote = z.infer<typeof clientNoteSchema>;

export const noteRequests = {
  /** Writes an internal note (Access is enough: a stylist can leave one for the front desk). */
  'note:add': {
    permission: 'chats.access',
    payload: z.object({
      conversationId: idSchema,
      senderNoteId: senderMessageIdSchema,
      text: noteTextSchema,
      mentionIds: z.array(idSchema).max(NOTE_MENTIONS_MAX).optional(),
    }),
    /** `notNotified`: mentioned colleagues who cannot see the conversation, so were not told. */
    result: z.object({ note: internalNoteSchema, notNotified: z.array(memberRefSchema) }),
  },
  /** The conversation's newest notes (NOTES_PAGE_MAX), oldest first. */
  'note:list': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ items: z.array(internalNoteSchema) }),
  },
  /** Colleagues to offer after "@" (the active team but the writer). */
  'note:mentionable': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ members: z.array(mentionableSchema) }),
  },
  'clientNote:get': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: clientNoteSchema,
  },
  /** A save names the version it was edited from; a newer one is a conflict carrying it. */
  'clientNote:update': {
    permission: 'chats.reply',
    payload: z.object({
      conversationId: idSchema,
      text: z.string().trim().max(CLIENT_NOTE_MAX_LENGTH, `A client note can be at most ${CLIENT_NOTE_MAX_LENGTH} characters.`),
      expectedVersion: z.number().int().nonnegative(),
    }),
    result: clientNoteSchema,
  },
} as const;

export const notePushes = {
  /** A note was written in a conversation the member may see. */
  'note:created': z.object({ note: internalNoteSchema }),
  /** A colleague mentioned the member in a note (their own devices only). */
  'note:mentioned': z.object({ note: internalNoteSchema, conversation: sharedConversationSummarySchema }),
  /** A client's note changed; to staff at the locations of the client's conversations. */
  'clientNote:updated': clientNoteSchema,
} as const;
