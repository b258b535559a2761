// Email and text deliveries of the business's messages to a client (R11), as staff see them in
// the conversation: one per message per channel the client had switched on.
import { z } from 'zod';
import { idSchema, timestampSchema } from './domain';

export const deliveryChannelSchema = z.enum(['email', 'sms']);
export type DeliveryChannel = z.infer<typeof deliveryChannelSchema>;

/** pending: not tried yet; sending: with the provider now; retrying: failed, tried again later;
 * sent: the provider accepted it; failed: given up (or refused for good). */
export const deliveryStateSchema = z.enum(['pending', 'sending', 'retrying', 'sent', 'failed']);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

export const deliverySchema = z.object({
  messageId: idSchema,
  conversationId: idSchema,
  channel: deliveryChannelSchema,
  state: deliveryStateSchema,
  attempts: z.number().int().nonnegative(),
  /** Why the last attempt failed, in words for staff; null after success. */
  lastError: z.string().nullable(),
  nextAttemptAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
});
export type Delivery = z.infer<typeof deliverySchema>;

/** What staff read when a channel cannot be sent from this server: plain words, no settings names
 * (the technical detail is in the server log). */
export const CHANNEL_UNAVAILABLE: Record<DeliveryChannel, string> = {
  email: "Email isn't set up for this salon yet — ask your manager.",
  sms: "Text messages aren't set up for this salon yet — ask your manager.",
};

/** The channels this server can send (a provider is set up for each). */
export const sendableChannelsSchema = z.object({ email: z.boolean(), sms: z.boolean() });
export type SendableChannels = z.infer<typeof sendableChannelsSchema>;

export const deliveryRequests = {
  /** Deliveries of the conversation's most recent messages (up to `limit` messages back). */
  'delivery:list': {
    permission: 'chats.access',
    payload: z.object({ conversationId: idSchema }),
    result: z.object({ items: z.array(deliverySchema) }),
  },
  /** Which channels staff may switch on for a client: only those the server can send. */
  'delivery:channels': {
    permission: 'chats.access',
    payload: z.object({}),
    result: sendableChannelsSchema,
  },
  /** Sends a failed delivery again, once, through the outbox (to the client's current address).
   * Retrying one that is already queued, sending or sent changes nothing and answers its state. */
  'delivery:retry': {
    permission: 'chats.reply',
    payload: z.object({ messageId: idSchema, channel: deliveryChannelSchema }),
    result: deliverySchema,
  },
} as const;

export const deliveryPushes = {
  'delivery:updated': deliverySchema,
} as const;
