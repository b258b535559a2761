// The HTTP side of the one error shape: `{ error: AppError }` with a matching status.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parse } from '../../shared/parse';
import type { AppError, ErrorCode } from '../../shared/result';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** The status an error code maps to when it crosses HTTP. */
export const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  messaging_disabled: 409,
  contact_not_offered: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export function httpErrorFrom(error: AppError): HttpError {
  return new HttpError(statusOf[error.code], error.code, error.message, error.details);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.toAppError() }, error.headers);
}

/** Parses a request body with a shared schema, or throws the 400 that explains what is wrong. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = parse(schema, input);
  if (!result.ok) throw httpErrorFrom(result.error);
  return result.data;
}
