// Staff sign-in and sign-out over HTTP. Returns the shared Result shape so the form can show
// the server's AppError message as it is.
import { z } from 'zod';
import { routes, signInRequestSchema, signInResponseSchema, type SignInResponse } from '../../shared/http';
import { parse } from '../../shared/parse';
import { appErrorSchema, err, type Result } from '../../shared/result';
import { parseIncoming } from './parseIncoming';

const errorBodySchema = z.object({ error: appErrorSchema });

const unreachable = () =>
  err('unavailable', "Can't reach the inbox server. Check the connection and try again.");

export async function signIn(
  serverUrl: string,
  credentials: { email: string; password: string },
  fetchImpl: typeof fetch = fetch,
): Promise<Result<SignInResponse>> {
  const request = parse(signInRequestSchema, credentials);
  if (!request.ok) return request;
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(new URL(routes.signIn, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.data),
    });
    body = await response.json();
  } catch {
    return unreachable();
  }
  if (response.ok) return parseIncoming(signInResponseSchema, body, 'sign-in response');
  const failure = parseIncoming(errorBodySchema, body, 'sign-in error');
  return failure.ok ? { ok: false, error: failure.data.error } : failure;
}

/** Ends the session on the server. Best effort: the local token is dropped regardless. */
export async function signOut(serverUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    await fetchImpl(new URL(routes.signOut, serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    // Offline: the session simply expires on the server.
  }
}
