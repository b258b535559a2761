// The client socket.io protocol (namespace "/client"), spoken by the client page and by the
// booking platform's app. A connection authenticates with a per-client token.
import { z } from 'zod';
import { clientSyncRequests } from './syncEvents';
import {
  appointmentSchema,
  clientSummarySchema,
  idSchema,
  locationSchema,
  messageSchema,
  messagePageSchema,
  messageBodySchema,
  attachmentIdsSchema,
  pageLimitSchema,
  senderMessageIdSchema,
  timestampSchema,
} from './domain';
import type { PushDeclaration, PushEvents, RequestEvents } from './protocol';
import { acceptingLegacySenderMessageId } from './senderMessageId';
import { ownNotificationsPushes, ownNotificationsRequests } from './clientProfile';

export const CLIENT_NAMESPACE = '/client';

export const clientAppointmentSchema = appointmentSchema.extend({
  /** Whether the messaging option is offered on this appointment (R4). */
  canMessage: z.boolean(),
  /** The conversation with this appointment's location, if one exists. */
  conversationId: idSchema.nullable(),
});
export type ClientAppointment = z.infer<typeof clientAppointmentSchema>;

export const clientConversationSchema = z.object({
  id: idSchema,
  location: locationSchema,
  lastActivityAt: timestampSchema,
  /** Business messages the client has not read yet. */
  unreadCount: z.number().int().nonnegative(),
});
export type ClientConversation = z.infer<typeof clientConversationSchema>;

export const clientRequests = {
  'client:get': {
    payload: z.object({}),
    result: z.object({
      client: clientSummarySchema,
      workspaceName: z.string(),
      /** Client Connect is on (R1). While off (R2) nothing can be sent or read; history returns
       * when it is back on, announced by the 'settings:updated' push. */
      messagingEnabled: z.boolean(),
      /** The salon lets clients see when their messages were read (R5); a page already showing
       * "Read" drops it when this turns off (the settings push makes the page re-fetch). */
      readReceipts: z.boolean(),
      appointments: z.array(clientAppointmentSchema),
      conversations: z.array(clientConversationSchema),
    }),
  },
  'message:list': {
    payload: z.object({
      conversationId: idSchema,
      beforeId: idSchema.optional(),
      limit: pageLimitSchema.optional(),
    }),
    result: messagePageSchema,
  },
  /** Send from an appointment (starts the conversation with its location if there is none),
   * or in an existing conversation of the client's: one the salon started at a location where
   * the client has no appointment. Exactly one of the two. */
  'message:send': {
    payload: acceptingLegacySenderMessageId(
      z.object({
        appointmentId: idSchema.optional(),
        conversationId: idSchema.optional(),
        senderMessageId: senderMessageIdSchema,
        /** May be empty when attachments are sent. */
        text: messageBodySchema,
        attachmentIds: attachmentIdsSchema.optional(),
      }),
    ),
    result: messageSchema,
  },
  'conversation:read': {
    payload: z.object({ conversationId: idSchema, upToMessageId: idSchema }),
    result: z.object({ conversationId: idSchema, readAt: timestampSchema }),
  },
  'typing:update': {
    payload: z.object({ conversationId: idSchema, typing: z.boolean() }),
    result: z.object({}),
  },
  ...ownNotificationsRequests,
  ...clientSyncRequests,
} as const;

export const clientPushes = {
  'message:created': z.object({ message: messageSchema }),
  /** The business read the client's messages (only sent while read receipts are allowed). */
  'conversation:read': z.object({
    conversationId: idSchema,
    upToMessageId: idSchema,
    readAt: timestampSchema,
  }),
  /** A team member is typing (only sent while the typing indicator is allowed). */
  'typing:updated': z.object({ conversationId: idSchema, typing: z.boolean() }),
  /** Messaging options changed (R3): the page re-fetches `client:get`. */
  'settings:updated': z.object({ enabled: z.boolean() }),
  /** The booking system added or changed one of the client's appointments: re-fetch `client:get`. */
  'appointments:updated': z.object({}),
  ...ownNotificationsPushes,
} as const;

type Requests = typeof clientRequests;
type Pushes = typeof clientPushes;
type ClientSyncField = Exclude<keyof z.infer<(typeof clientSyncRequests)['sync:since']['result']>, 'position' | 'hasMore'>;

/** Every client push's audience and catch-up (see staffPushDeclarations). */
export const clientPushDeclarations = {
  'message:created': { audience: 'client', catchUp: { replayedBy: 'sync:since', field: 'messages' } },
  'conversation:read': { audience: 'client', catchUp: { replayedBy: 'sync:since', field: 'reads' } },
  'typing:updated': { audience: 'client', catchUp: { exempt: 'Momentary: a typing indicator missed while away is already out of date.' } },
  'settings:updated': { audience: 'all-clients', catchUp: { replayedBy: 'sync:since', field: 'messagingEnabled' } },
  'appointments:updated': { audience: 'client', catchUp: { refetchedOnConnect: 'client:get' } },
  'notifications:updated': { audience: 'client', catchUp: { refetchedOnConnect: 'notifications:get' } },
} as const satisfies { [K in keyof Pushes]: PushDeclaration<ClientSyncField, keyof Requests> };
export type ClientRequestName = keyof Requests;
export type ClientRequestPayload<K extends ClientRequestName> = z.input<Requests[K]['payload']>;
export type ClientRequestResult<K extends ClientRequestName> = z.infer<Requests[K]['result']>;

export type ClientPageRequestEvents = RequestEvents<Requests>;
export type ClientPagePushEvents = PushEvents<Pushes>;
