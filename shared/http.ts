// HTTP routes and their bodies. Responses are JSON: the success body, or `{ error: AppError }`
// with a 4xx/5xx status.
import { z } from 'zod';
import { sessionInfoSchema, timestampSchema } from './domain';

export const routes = {
  health: '/api/health',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  /** Booking-system integration: issue a client's token (Bearer integration key). */
  integrationClientToken: '/api/integration/client-token',
  /** Upload an attachment: POST, raw bytes, `Content-Type` as sent, `X-File-Name` header
   * (URI-encoded); Bearer staff session token or client token. Answers `Attachment`. */
  attachments: '/api/attachments',
  /** Download: GET /api/attachments/:id with the same Bearer tokens; only those who may see
   * the conversation get it. */
  attachment: (id: number) => `/api/attachments/${id}`,
  /** The client page (a web page the server serves for clients). */
  clientPage: '/client/',
} as const;

export const signInRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: timestampSchema,
  session: sessionInfoSchema,
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export const clientTokenRequestSchema = z.object({ clientId: z.number().int().positive() });
export const clientTokenResponseSchema = z.object({ token: z.string(), clientPageUrl: z.string() });

/** Default port of the inbox server. */
export const DEFAULT_PORT = 4780;

/** Origin of the renderer inside Electron (served by main's app:// protocol handler). */
export const DESKTOP_ORIGIN = 'app://inbox';

/** The server prints this, followed by its base URL, once it accepts connections. Launchers
 * (npm start, Electron main, e2e fixtures) read the URL from this line. */
export const LISTENING_LINE_PREFIX = 'Inbox server listening on ';
