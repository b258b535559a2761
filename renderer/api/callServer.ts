// One JSON request to the server's HTTP API, answered in the shared Result shape: the parsed
// body, the server's AppError as it sent it, or "unavailable" when it cannot be reached.
import { z } from 'zod';
import { appErrorSchema, err, type Result } from '../../shared/result';
import { describeError } from './errors';
import { parseIncoming } from './parseIncoming';

const errorBodySchema = z.object({ error: appErrorSchema });

export type ServerRequest = { method: 'GET' | 'POST'; path: string; body?: unknown; token?: string };

export async function callServer<S extends z.ZodType>(
  serverUrl: string,
  request: ServerRequest,
  schema: S,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<Result<z.infer<S>>> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(new URL(request.path, serverUrl), {
      method: request.method,
      headers: {
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    body = await response.json();
  } catch {
    return err('unavailable', "Can't reach the inbox server. Check the connection and try again.");
  }
  if (response.ok) return parseIncoming(schema, body, `${request.path} response`);
  const failure = parseIncoming(errorBodySchema, body, `${request.path} error`);
  return failure.ok ? { ok: false, error: failure.data.error } : failure;
}

/** What to tell the person: the server's own words (these routes write them for the person at
 * the screen), except for validation details. */
export function serverErrorText(error: { code: string; message: string; details?: unknown }): string {
  return error.code === 'bad_request' ? describeError({ ...error, code: 'bad_request' }) : error.message;
}
