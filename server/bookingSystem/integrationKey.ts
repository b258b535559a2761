// The booking system authenticates with the configured integration key (Bearer). With no key
// configured every integration call is refused (deny by default).
import { bearerToken, secretsEqual } from '../auth/tokens';
import { HttpError } from '../http/errors';
import type { ApiRequest } from '../http/router';

export function requireIntegrationKey(integrationKey: string | null, request: ApiRequest): void {
  const given = bearerToken(request.req.headers.authorization);
  if (integrationKey === null || given === null || !secretsEqual(given, integrationKey)) {
    throw new HttpError(401, 'unauthenticated', 'A valid integration key is required.');
  }
}
