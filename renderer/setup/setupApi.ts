// The first-run routes (shared/http.ts): is the inbox still to be set up, set it up (answering a
// signed-in owner), or load the demo salon instead.
import { routes, setupStateSchema, signInResponseSchema, type SetupRequest, type SetupState, type SignInResponse } from '../../shared/http';
import type { Result } from '../../shared/result';
import { callServer } from '../api/callServer';

export function createSetupApi(serverUrl: string, fetchImpl?: typeof fetch) {
  return {
    state: (): Promise<Result<SetupState>> => callServer(serverUrl, { method: 'GET', path: routes.setup }, setupStateSchema, fetchImpl),
    setUp: (request: SetupRequest): Promise<Result<SignInResponse>> =>
      callServer(serverUrl, { method: 'POST', path: routes.setup, body: request }, signInResponseSchema, fetchImpl),
    loadDemo: (): Promise<Result<SetupState>> => callServer(serverUrl, { method: 'POST', path: routes.setupDemo, body: {} }, setupStateSchema, fetchImpl),
  };
}

export type SetupApi = ReturnType<typeof createSetupApi>;
