// The data every process exchanges. Times are epoch milliseconds; ids are positive integers
// assigned by the server, except `senderMessageId`, which the sender generates (a UUID) so a
// retried send is stored once.
import { z } from 'zod';
import { grantsSchema, roleSchema } from './permissions';

export const idSchema = z.number().int().positive();
export const timestampSchema = z.number().int().nonnegative();
export const senderMessageIdSchema = z.uuid();

export const MESSAGE_MAX_LENGTH = 4000;
export const messageTextSchema = z
  .string()
  .trim()
  .min(1, 'A message cannot be empty.')
  .max(MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters.`);

/** Message text when attachments may carry the message: empty allowed, same upper bound. The
 * server refuses a message with neither text nor attachments. */
export const messageBodySchema = z
  .string()
  .trim()
  .max(MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters.`);

export const workspaceSettingsSchema = z.object({
  /** Client Connect on/off (R1, R2). */
  enabled: z.boolean(),
  /** Offer messaging on confirmed appointments (R4). */
  contactButton: z.boolean(),
  /** Clients may see when the business has read their messages (R5). */
  readReceipts: z.boolean(),
  /** Clients may see when a team member is typing (R6). */
  typingIndicator: z.boolean(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const locationSchema = z.object({ id: idSchema, name: z.string() });
export type Location = z.infer<typeof locationSchema>;

export const memberSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const appointmentStatusSchema = z.enum(['booked', 'confirmed', 'cancelled', 'completed']);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

export const appointmentSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  location: locationSchema,
  service: z.string(),
  staffName: z.string().nullable(),
  startsAt: timestampSchema,
  status: appointmentStatusSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const clientSummarySchema = z.object({ id: idSchema, name: z.string() });
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const messageAuthorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client'), clientId: idSchema, name: z.string() }),
  z.object({ kind: z.literal('staff'), memberId: idSchema, name: z.string() }),
]);
export type MessageAuthor = z.infer<typeof messageAuthorSchema>;

/** Attachments: images and PDFs, type checked from the bytes (not the name) by the server. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_MESSAGE_MAX = 4;
export const attachmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().positive(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentIdsSchema = z.array(idSchema).max(ATTACHMENTS_PER_MESSAGE_MAX);

export const messageSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  senderMessageId: senderMessageIdSchema,
  author: messageAuthorSchema,
  /** The appointment the message was sent from (client messages), if any. */
  appointmentId: idSchema.nullable(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  createdAt: timestampSchema,
  /** When the other side read it; null while unread. */
  readAt: timestampSchema.nullable(),
  /** Sent by the server on the salon's behalf (the after-hours reply); staff see it marked, a
   * client never gets this field and sees a message from the salon. Absent on every other. */
  automatic: z.literal(true).optional(),
});
export type Message = z.infer<typeof messageSchema>;

export const conversationStatusSchema = z.enum(['open', 'snoozed', 'done']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

/** A team member named in a conversation (its assignee, who made a change). */
export const memberRefSchema = z.object({ id: idSchema, name: z.string() });
export type MemberRef = z.infer<typeof memberRefSchema>;

export const conversationSummarySchema = z.object({
  id: idSchema,
  client: clientSummarySchema,
  location: locationSchema,
  /** The appointment the latest client message came from. */
  appointment: appointmentSchema.nullable(),
  lastMessage: z
    .object({
      text: z.string(),
      authorKind: z.enum(['client', 'staff']),
      createdAt: timestampSchema,
      /** How many files the message carries (its text may be empty). The server always sends it. */
      attachmentCount: z.number().int().nonnegative().optional(),
      /** The after-hours automatic reply: the client is still waiting for the team. */
      automatic: z.literal(true).optional(),
      /** Which member wrote a staff message (absent in summaries cached before it existed). */
      authorMemberId: idSchema.optional(),
    })
    .nullable(),
  lastActivityAt: timestampSchema,
  /** Open needs the team; Snoozed waits until `snoozedUntil` (or the client writes); Done is
   * finished until the client writes again. */
  status: conversationStatusSchema,
  snoozedUntil: timestampSchema.nullable(),
  /** The member answering it, if someone took it. */
  assignee: memberRefSchema.nullable(),
  /** Moves on with every status, snooze or assignment change: a change names the version it
   * was decided on, so one made offline cannot silently overwrite a newer one. */
  triageVersion: z.number().int().nonnegative(),
  /** Client messages the member asking has not read (each member has their own read state). */
  unreadCount: z.number().int().nonnegative(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** A summary as every member sees it alike: what a push to a whole location carries. Each app
 * keeps its member's own unread count (raised by client messages, set by their reads). */
export const sharedConversationSummarySchema = conversationSummarySchema.omit({ unreadCount: true });
export type SharedConversationSummary = z.infer<typeof sharedConversationSummarySchema>;

export const sessionInfoSchema = z.object({
  member: memberSchema,
  grants: grantsSchema,
  /** Locations the member works at; they see only these locations' conversations (R12). Each
   * with its IANA time zone, in which snooze times and opening hours are read. */
  locations: z.array(locationSchema.extend({ timeZone: z.string() })),
  workspace: z.object({ name: z.string(), settings: workspaceSettingsSchema }),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const PAGE_SIZE_MAX = 100;
export const pageLimitSchema = z.number().int().min(1).max(PAGE_SIZE_MAX);

/** A page of a conversation's messages, for staff and clients alike. */
export const messagePageSchema = z.object({
  /** Oldest first within the page. */
  items: z.array(messageSchema),
  hasMore: z.boolean(),
});
