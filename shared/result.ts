// The one error shape that crosses every boundary (acks, HTTP bodies, IPC). No stack traces.
import { z } from 'zod';

export const errorCodes = [
  'bad_request', // payload failed validation
  'unauthenticated', // no or expired session / token
  'forbidden', // signed in, but the session's permissions or locations do not allow it
  'not_found',
  'conflict', // e.g. a sender message id reused for a different message
  'messaging_disabled', // Client Connect is off (R2)
  'contact_not_offered', // appointment does not offer messaging (R4)
  'rate_limited',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = (code: ErrorCode, message: string, details?: unknown): Err => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Schema of an ack carrying `data` of the given schema; used by receivers to parse acks. */
export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
