// A client's profile as the team sees it (R11): name, mobile number, email and how they are
// notified of the business's messages. In-app is always on; email and text follow the client's
// preferences, which staff may set on their behalf.
import { z } from 'zod';
import { idSchema, timestampSchema } from './domain';

export const CLIENT_NAME_MAX = 120;

export const clientProfileSchema = z.object({
  clientId: idSchema,
  name: z.string(),
  /** E.164, e.g. +447400900101; null when unknown. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  notifications: z.object({
    /** Always on: the client's app and client page get every message live. */
    inApp: z.literal(true),
    email: z.boolean(),
    sms: z.boolean(),
  }),
  /** The workspace's country (ISO 3166 alpha-2) that numbers without +country are read in. */
  country: z.string(),
  version: z.number().int().positive(),
  /** The last change made in the app, and by whom (a team member, or the client); null while never edited. */
  updated: z
    .object({
      at: timestampSchema,
      by: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('staff'), id: idSchema, name: z.string() }),
        z.object({ kind: z.literal('client') }),
      ]),
    })
    .nullable(),
});
export type ClientProfile = z.infer<typeof clientProfileSchema>;

export const clientProfileEditSchema = z.object({
  name: z.string().trim().min(1, 'Enter the client\'s name.').max(CLIENT_NAME_MAX),
  /** As typed; '' clears it. The server checks it for the workspace's country. */
  mobile: z.string().trim().max(40),
  /** As typed; '' clears it. */
  email: z.string().trim().max(254),
  emailNotifications: z.boolean(),
  smsNotifications: z.boolean(),
});
export type ClientProfileEdit = z.infer<typeof clientProfileEditSchema>;

export const clientProfileRequests = {
  /** The profile of the client of a conversation the member may see. */
  'clientProfile:get': { permission: 'chats.access', payload: z.object({ conversationId: idSchema }), result: clientProfileSchema },
  /** Invalid fields come back as `bad_request` with details per field; nothing is saved then. */
  'clientProfile:update': {
    permission: 'chats.reply',
    payload: z.object({
      conversationId: idSchema,
      profile: clientProfileEditSchema,
      baseVersion: z.number().int().positive(),
    }),
    result: clientProfileSchema,
  },
} as const;

/** What a client sees and sets of their own notifications (client namespace). Their contact
 * details are the business's records: a channel can be switched on only with one on file. */
export const ownNotificationsSchema = z.object({
  inApp: z.literal(true),
  email: z.boolean(),
  sms: z.boolean(),
  emailAddress: z.string().nullable(),
  mobile: z.string().nullable(),
  version: z.number().int().positive(),
});
export type OwnNotifications = z.infer<typeof ownNotificationsSchema>;

/** What the client API shows a client of their own profile: in-app is always on. */
export const ownNotificationsOf = (profile: ClientProfile): OwnNotifications => ({
  inApp: true,
  email: profile.notifications.email,
  sms: profile.notifications.sms,
  emailAddress: profile.email,
  mobile: profile.mobile,
  version: profile.version,
});

export const ownNotificationsRequests = {
  'notifications:get': { payload: z.object({}), result: ownNotificationsSchema },
  'notifications:update': {
    payload: z.object({ email: z.boolean(), sms: z.boolean() }),
    result: ownNotificationsSchema,
  },
} as const;

export const ownNotificationsPushes = {
  /** The client's notification preferences changed (by them elsewhere, or by the business). */
  'notifications:updated': ownNotificationsSchema,
} as const;

export const clientProfilePushes = {
  /** Someone changed a client's profile; sent to staff at the client's conversations' locations. */
  'clientProfile:updated': clientProfileSchema,
} as const;
