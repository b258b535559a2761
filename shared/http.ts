// HTTP routes and their bodies. Responses are JSON: the success body, or `{ error: AppError }`
// with a 4xx/5xx status.
import { z } from 'zod';
import type { RequiredPermission } from './permissions';
import { appointmentStatusSchema, idSchema, sessionInfoSchema, timestampSchema } from './domain';
import { firstInboxSchema } from './inboxPage';

export const routes = {
  health: '/api/health',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  /** First run (server started with --setup): GET whether it is needed; POST creates the
   * workspace and its owner, POST …/demo the demo salon. Only from the server's own computer. */
  setup: '/api/setup',
  setupDemo: '/api/setup/demo',
  /** Change the signed-in member's password (Bearer session token). */
  changePassword: '/api/auth/password',
  /** Booking-system integration: issue a client's token (Bearer integration key). */
  integrationClientToken: '/api/integration/client-token',
  /** Booking-system integration: every link a client was sent stops working (lost phone). */
  integrationRevokeClientTokens: '/api/integration/client-token/revoke',
  /** Booking-system integration: create or update, by the booking system's own id (PUT). */
  integrationLocation: '/api/integration/locations/:ref',
  integrationClient: '/api/integration/clients/:ref',
  integrationAppointment: '/api/integration/appointments/:ref',
  /** Upload an attachment: POST, raw bytes, `Content-Type` as sent, `X-File-Name` header
   * (URI-encoded); Bearer staff session token or client token. Answers `Attachment`. */
  attachments: '/api/attachments',
  /** Download: GET /api/attachments/:id with the same Bearer tokens; only those who may see
   * the conversation get it. */
  attachment: (id: number) => `/api/attachments/${id}`,
  /** The client page (a web page the server serves for clients). */
  clientPage: '/client/',
} as const;

/**
 * Staff HTTP routes (method and path) and the permission each needs, checked by the same rule as
 * staff socket requests. A staff route is registered from this table, so it cannot lack one.
 */
export const staffHttpRoutes = {
  'POST /api/auth/sign-out': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/reception/pin': 'signed-in',
  'POST /api/reception/pin': 'signed-in',
  'POST /api/reception/pin/remove': 'signed-in',
  'POST /api/reception/devices': 'signed-in',
  'POST /api/attachments': 'chats.reply',
  'GET /api/attachments/:id': 'chats.access',
} as const satisfies Record<string, RequiredPermission>;
export type StaffHttpRoute = keyof typeof staffHttpRoutes;

export const signInRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: timestampSchema,
  session: sessionInfoSchema,
  /** The inbox to draw at once; absent without Access client chats or while messaging is off. */
  firstInbox: firstInboxSchema.optional(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const PASSWORD_MIN_LENGTH = 10;
/** A password someone chooses (their own, or a new member's first one). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(1024, 'Use at most 1024 characters.');
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
/** How many of the member's other sessions (other computers, browsers) were signed out, and
 * whether their quick-switch PIN was cleared with the old password. */
export const changePasswordResponseSchema = z.object({ signedOutSessions: z.number().int().nonnegative(), pinCleared: z.boolean().optional() });
export type ChangePasswordResponse = z.infer<typeof changePasswordResponseSchema>;

export const setupStateSchema = z.object({
  /** The database has no workspace yet. */
  required: z.boolean(),
  /** This server lets the app on its own computer set it up (or load the demo) now. */
  available: z.boolean(),
});
export type SetupState = z.infer<typeof setupStateSchema>;

export const setupRequestSchema = z.object({
  workspaceName: z.string().trim().min(1, "Give your business's name.").max(120),
  /** Two letters (e.g. GB): mobile numbers written without a country code are read for it. */
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Choose the country your business is in.'),
  /** The first location; the booking system can add more. */
  locationName: z.string().trim().min(1, 'Name your first location.').max(120),
  ownerName: z.string().trim().min(1, 'Give your name.').max(120),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: newPasswordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});

/** The booking system's own id for a location, client or appointment, as the last path segment. */
export const externalRefSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._~:@-]+$/, 'Use letters, digits and . _ ~ : @ - only.');

/** A client by our id, or by the booking system's. */
export const clientTokenRequestSchema = z.union([
  z.object({ clientId: idSchema }),
  z.object({ clientRef: externalRefSchema }),
]);

const nameSchema = z.string().trim().min(1, 'Give it a name.').max(120);
export const integrationLocationSchema = z.object({ name: nameSchema });
/** mobile and email are taken when the client is created; after that the salon and the client
 * keep them up to date in the client profile, so a later sync never undoes their correction. */
export const integrationClientSchema = z.object({
  name: nameSchema,
  mobile: z.string().max(40).optional(),
  email: z.string().max(254).optional(),
});
export const integrationAppointmentSchema = z.object({
  clientRef: externalRefSchema,
  locationRef: externalRefSchema,
  service: z.string().trim().min(1, 'Name the service.').max(120),
  /** ISO 8601 with its UTC offset, e.g. 2026-03-02T10:30:00+00:00. */
  startsAt: z.iso.datetime({ offset: true }),
  status: appointmentStatusSchema,
  /** The team member doing it, by sign-in email; absent or null for none. */
  staffEmail: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
});
export const integrationUpsertResponseSchema = z.object({ id: idSchema, ref: z.string(), created: z.boolean() });
export type IntegrationUpsertResponse = z.infer<typeof integrationUpsertResponseSchema>;
export const clientTokenResponseSchema = z.object({ token: z.string(), clientPageUrl: z.string() });
export const revokeClientTokensResponseSchema = z.object({ revokedTokens: z.number().int().nonnegative() });

/** Default port of the inbox server. */
export const DEFAULT_PORT = 4780;

/** Origin of the renderer inside Electron (served by main's app:// protocol handler). */
export const DESKTOP_ORIGIN = 'app://inbox';

/** The server prints this, followed by its base URL, once it accepts connections. Launchers
 * (npm start, Electron main, e2e fixtures) read the URL from this line. */
export const LISTENING_LINE_PREFIX = 'Inbox server listening on ';
