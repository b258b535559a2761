// The signed-in member's HTTP routes: quick switching (shared/reception.ts) and changing their
// password, answering the shared Result shape. The server's messages for these routes are
// written for the person at the screen, so they are shown as they are.
import { z } from 'zod';
import { changePasswordResponseSchema, routes, signInResponseSchema, type SignInResponse } from '../../shared/http';
import {
  pinStatusSchema,
  receptionDeviceSchema,
  receptionRoutes,
  rosterSchema,
  type PinStatus,
  type ReceptionDevice,
  type RegisterDeviceRequest,
  type Roster,
} from '../../shared/reception';
import { appErrorSchema, err, type Result } from '../../shared/result';
import { describeError } from '../api/errors';
import { parseIncoming } from '../api/parseIncoming';

const errorBodySchema = z.object({ error: appErrorSchema });

async function call<S extends z.ZodType>(
  serverUrl: string,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; token?: string },
  schema: S,
  fetchImpl: typeof fetch,
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

/** What to tell the person: the server's own words, except for validation details. */
export function receptionErrorText(error: { code: string; message: string; details?: unknown }): string {
  return error.code === 'bad_request' ? describeError({ ...error, code: 'bad_request' }) : error.message;
}

export function createReceptionApi(serverUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  return {
    pinStatus: (token: string): Promise<Result<PinStatus>> =>
      call(serverUrl, { method: 'GET', path: receptionRoutes.pinStatus, token }, pinStatusSchema, fetchImpl),
    setPin: (token: string, pin: string, password: string): Promise<Result<PinStatus>> =>
      call(serverUrl, { method: 'POST', path: receptionRoutes.setPin, token, body: { pin, password } }, pinStatusSchema, fetchImpl),
    removePin: (token: string, password: string): Promise<Result<PinStatus>> =>
      call(serverUrl, { method: 'POST', path: receptionRoutes.removePin, token, body: { password } }, pinStatusSchema, fetchImpl),
    registerDevice: (token: string, request: RegisterDeviceRequest): Promise<Result<ReceptionDevice>> =>
      call(serverUrl, { method: 'POST', path: receptionRoutes.registerDevice, token, body: request }, receptionDeviceSchema, fetchImpl),
    roster: (deviceToken: string): Promise<Result<Roster>> =>
      call(serverUrl, { method: 'POST', path: receptionRoutes.roster, body: { deviceToken } }, rosterSchema, fetchImpl),
    pinSignIn: (deviceToken: string, memberId: number, pin: string): Promise<Result<SignInResponse>> =>
      call(serverUrl, { method: 'POST', path: receptionRoutes.pinSignIn, body: { deviceToken, memberId, pin } }, signInResponseSchema, fetchImpl),
    changePassword: (token: string, currentPassword: string, newPassword: string): Promise<Result<{ signedOutSessions: number }>> =>
      call(serverUrl, { method: 'POST', path: routes.changePassword, token, body: { currentPassword, newPassword } }, changePasswordResponseSchema, fetchImpl),
  };
}

export type ReceptionApi = ReturnType<typeof createReceptionApi>;
