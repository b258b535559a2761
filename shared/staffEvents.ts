// The staff socket.io protocol (default namespace "/"). Each request has a payload schema,
// which the server parses, and a result schema, which the renderer parses from the ack.
import { z } from 'zod';
import { staffSyncRequests } from './syncEvents';
import {
  conversationSummarySchema,
  idSchema,
  senderMessageIdSchema,
  sharedConversationSummarySchema,
  messageSchema,
  messagePageSchema,
  messageBodySchema,
  attachmentIdsSchema,
  pageLimitSchema,
  sessionInfoSchema,
  timestampSchema,
  appointmentSchema,
  clientSummarySchema,
} from './domain';
import { auditRequests } from './auditEvents';
import { receptionComputerRequests } from './reception';
import { settingsRequests, settingsStateSchema } from './settingsEvents';
import { teamRequests, teamSchema } from './teamEvents';
import type { PushDeclaration, PushEvents, RequestEvents, StaffRequestDeclaration } from './protocol';
import { clientProfilePushes, clientProfileRequests } from './clientProfile';
import { conversationStartRequests } from './conversationStart';
import { deliveryPushes, deliveryRequests } from './deliveries';
import { profilePushes, profileRequests } from './profile';
import { searchPayloadSchema, searchResultSchema } from './search';
import { quickReplyPushes, quickReplyRequests } from './quickReplyEvents';
import { acceptingLegacySenderMessageId } from './senderMessageId';
import { triagePushes, triageRequests } from './triageEvents';
import { conversationListRequestSchema, conversationPageSchema } from './inboxPage';
import { notePushes, noteRequests } from './noteEvents';
import { openingHoursRequests } from './openingHoursEvents';


export const conversationDetailSchema = z.object({
  conversation: conversationSummarySchema,
  client: clientSummarySchema,
  /** The client's appointments at this conversation's location, soonest upcoming first. */
  appointments: z.array(appointmentSchema),
});

/** A page of history: the latest, older than a message, newer than one, or around one (a
 * search match, with the messages just before and after it). At most one of the three. */
export const messageListPayloadSchema = z
  .object({
    conversationId: idSchema,
    /** Return messages older than this message id; omit for the latest page. */
    beforeId: idSchema.optional(),
    /** Return messages newer than this message id, oldest first. */
    afterId: idSchema.optional(),
    /** Return this message of the conversation with the messages around it. */
    aroundId: idSchema.optional(),
    limit: pageLimitSchema.optional(),
  })
  .refine((page) => [page.beforeId, page.afterId, page.aroundId].filter((id) => id !== undefined).length <= 1, {
    message: 'Ask for messages before, after or around one message, not several at once.',
    path: ['aroundId'],
  });

export const staffRequests = {
  'session:get': { permission: 'signed-in', payload: z.object({}), result: sessionInfoSchema },
  'conversation:list': {
    permission: 'chats.access',
    payload: conversationListRequestSchema,
    result: conversationPageSchema,
  },
  'conversation:get': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: conversationDetailSchema,
  },
  'message:list': {
    permission: 'chats.access',
    payload: messageListPayloadSchema,
    result: messagePageSchema.extend({
      /** On pages around or after a message: newer messages exist beyond the newest returned. */
      hasNewer: z.boolean().optional(),
    }),
  },
  'message:send': {
    permission: 'chats.reply',
    payload: acceptingLegacySenderMessageId(
      z.object({
        conversationId: idSchema,
        senderMessageId: senderMessageIdSchema,
        /** May be empty when attachments are sent. */
        text: messageBodySchema,
        attachmentIds: attachmentIdsSchema.optional(),
        /** "Send and mark done": the conversation is Done once the reply is stored. */
        markDone: z.boolean().optional(),
      }),
    ),
    result: messageSchema,
  },
  /** The member read up to a message: their own unread state. The client is told "Read" only
   * when the reader may reply (a read-only member's glance answers nobody). */
  'conversation:read': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema, upToMessageId: idSchema }),
    result: z.object({ conversationId: idSchema, readAt: timestampSchema }),
  },
  'typing:update': {
    permission: 'chats.reply',
    payload: z.object({ conversationId: idSchema, typing: z.boolean() }),
    result: z.object({}),
  },
  'search:query': { permission: 'chats.access', payload: searchPayloadSchema, result: searchResultSchema },
  ...triageRequests,
  ...noteRequests,
  ...settingsRequests,
  ...teamRequests,
  ...receptionComputerRequests,
  ...auditRequests,
  ...profileRequests,
  ...clientProfileRequests,
  ...conversationStartRequests,
  ...deliveryRequests,
  ...quickReplyRequests,
  ...staffSyncRequests,
  ...openingHoursRequests,
} as const satisfies Record<string, StaffRequestDeclaration>;

/** Why the server ended a session: a manager signed the member out everywhere, it ran out,
 * it was signed out from another window, the password changed, or a manager deactivated the
 * member. */
export const sessionEndReasonSchema = z.enum(['signed-out-everywhere', 'expired', 'signed-out', 'password-changed', 'deactivated']);
export type SessionEndReason = z.infer<typeof sessionEndReasonSchema>;

export const staffPushes = {
  /** A message was stored in a conversation the member may see. The app raises its own
   * unread count for a client message (the summary carries none: it goes to everyone alike). */
  'message:created': z.object({ message: messageSchema, conversation: sharedConversationSummarySchema }),
  /** Messages were read: the client's by the business (a member who may reply), or the
   * business's by the client. */
  'conversation:read': z.object({
    conversationId: idSchema,
    reader: z.enum(['business', 'client']),
    upToMessageId: idSchema,
    readAt: timestampSchema,
  }),
  'typing:updated': z.object({ conversationId: idSchema, typing: z.boolean(), name: z.string() }),
  /** Client Connect settings changed (R3): applies at once, no reload or sign-in. */
  'settings:updated': settingsStateSchema,
  /** A permission group or a member's group or locations changed: the whole team as it is now,
   * for sessions that may manage the team (their Team page stays current). */
  'team:updated': teamSchema,
  /** This session was ended by a manager (sign out everywhere) or expired. */
  'session:ended': z.object({ reason: sessionEndReasonSchema }),
  ...triagePushes,
  ...notePushes,
  ...profilePushes,
  ...clientProfilePushes,
  ...deliveryPushes,
  ...quickReplyPushes,
} as const;

type Requests = typeof staffRequests;
type Pushes = typeof staffPushes;
type StaffSyncField = Exclude<keyof z.infer<(typeof staffSyncRequests)['sync:since']['result']>, 'position' | 'hasMore'>;

/**
 * Every staff push's audience and catch-up, one entry per push: a push added above without
 * one here fails the typecheck. The server sends each push only to its declared audience
 * (server/realtime/pushes.ts), and a test checks each catch-up path (server/sync/catchUpCoverage.test.ts).
 */
export const staffPushDeclarations = {
  'message:created': { audience: 'location', catchUp: { replayedBy: 'sync:since', field: 'messages' } },
  'conversation:read': { audience: 'location', catchUp: { replayedBy: 'sync:since', field: 'reads' } },
  'conversation:triaged': { audience: 'location', catchUp: { replayedBy: 'sync:since', field: 'events' } },
  'unread:updated': { audience: 'member', catchUp: { replayedBy: 'sync:since', field: 'unread' } },
  'typing:updated': { audience: 'location', catchUp: { exempt: 'Momentary: a typing indicator missed while away is already out of date.' } },
  'settings:updated': { audience: 'all-staff', catchUp: { replayedBy: 'sync:since', field: 'settings' } },
  'team:updated': { audience: 'team-managers', catchUp: { refetchedOnConnect: 'team:get' } },
  'session:ended': {
    audience: 'session',
    catchUp: { exempt: 'An app that missed it is refused at its next connect (unauthenticated) and shows sign-in.' },
  },
  'profile:updated': { audience: 'member', catchUp: { refetchedOnConnect: 'profile:get' } },
  'clientProfile:updated': { audience: 'location', catchUp: { refetchedOnConnect: 'clientProfile:get' } },
  'delivery:updated': { audience: 'location', catchUp: { refetchedOnConnect: 'delivery:list' } },
  'quickReplies:changed': { audience: 'location', catchUp: { refetchedOnConnect: 'quickReply:list' } },
  'note:created': { audience: 'location', catchUp: { replayedBy: 'sync:since', field: 'notes' } },
  // The app tells its member of a replayed note that mentions them as of a live one.
  'note:mentioned': { audience: 'member', catchUp: { replayedBy: 'sync:since', field: 'notes' } },
  'clientNote:updated': { audience: 'location', catchUp: { refetchedOnConnect: 'clientNote:get' } },
} as const satisfies { [K in keyof Pushes]: PushDeclaration<StaffSyncField, keyof Requests> };
export type StaffRequestName = keyof Requests;
export type StaffRequestPayload<K extends StaffRequestName> = z.input<Requests[K]['payload']>;
export type StaffRequestResult<K extends StaffRequestName> = z.infer<Requests[K]['result']>;

export type StaffRequestEvents = RequestEvents<Requests>;
export type StaffPushEvents = PushEvents<Pushes>;
