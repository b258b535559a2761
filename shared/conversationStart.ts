// Starting a conversation with a client (Reply to client chats, R7: "send messages and start
// conversations"): find any client of the workspace by name, email or mobile number, see where
// they already have a conversation and which of their appointments a first message could be
// about, and send that first message.
import { z } from 'zod';
import {
  appointmentSchema,
  attachmentIdsSchema,
  clientSummarySchema,
  idSchema,
  locationSchema,
  messageBodySchema,
  messageSchema,
  senderMessageIdSchema,
} from './domain';
import type { StaffRequestDeclaration } from './protocol';
import { acceptingLegacySenderMessageId } from './senderMessageId';

export const CLIENT_FIND_QUERY_MAX_LENGTH = 100;
export const CLIENT_FIND_LIMIT_MAX = 20;

/** A client as the finder shows them, with their conversations at the member's locations. */
export const foundClientSchema = z.object({
  client: clientSummarySchema,
  /** E.164, e.g. +447400900107; null when unknown. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  conversations: z.array(z.object({ conversationId: idSchema, location: locationSchema })),
});
export type FoundClient = z.infer<typeof foundClientSchema>;

/** Where a conversation with the client could be: one of the member's locations. */
export const startLocationSchema = z.object({
  location: locationSchema,
  /** The conversation there, if one exists already: a first message goes into it. */
  conversationId: idSchema.nullable(),
  /** The client's appointments there, soonest upcoming first, then past ones. */
  appointments: z.array(appointmentSchema),
});
export type StartLocation = z.infer<typeof startLocationSchema>;

export const conversationStartRequests = {
  'client:find': {
    permission: 'chats.reply',
    payload: z.object({
      /** Part of a name, an email address or a mobile number (national or with +country code). */
      query: z.string().trim().min(1, 'Type a name, email or mobile number.').max(CLIENT_FIND_QUERY_MAX_LENGTH),
      limit: z.number().int().min(1).max(CLIENT_FIND_LIMIT_MAX).optional(),
    }),
    /** Newest clients first. */
    result: z.object({ clients: z.array(foundClientSchema) }),
  },
  'conversation:start-options': {
    permission: 'chats.reply',
    payload: z.object({ clientId: idSchema }),
    result: z.object({ client: foundClientSchema, locations: z.array(startLocationSchema) }),
  },
  'conversation:start': {
    permission: 'chats.reply',
    payload: acceptingLegacySenderMessageId(
      z.object({
        clientId: idSchema,
        locationId: idSchema,
        /** An appointment of this client at this location the message is about. */
        appointmentId: idSchema.optional(),
        /** The same sender-made id as message:send: a retry is answered with the stored message. */
        senderMessageId: senderMessageIdSchema,
        /** May be empty when attachments are sent. */
        text: messageBodySchema,
        attachmentIds: attachmentIdsSchema.optional(),
      }),
    ),
    /** The conversation the message went into (it may have existed already) and the message. */
    result: z.object({ conversationId: idSchema, message: messageSchema }),
  },
} as const satisfies Record<string, StaffRequestDeclaration>;
