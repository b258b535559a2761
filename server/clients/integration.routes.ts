// The booking-system integration API. Every call needs the configured integration key; with
// no key configured the API refuses everything (deny by default).
import type { z } from 'zod';
import { clientTokenRequestSchema, routes, type clientTokenResponseSchema } from '../../shared/http';
import { bearerToken, hashToken, newToken, secretsEqual } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';

type ClientTokenResponse = z.infer<typeof clientTokenResponseSchema>;

/** A Host header we are willing to put into a link: host name or address, optional port. */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function integrationRoutes(deps: ServerDeps, options: { baseUrl(): string }): Route[] {
  const { repos, clock, config } = deps;

  function requireIntegrationKey(request: ApiRequest): void {
    const given = bearerToken(request.req.headers.authorization);
    if (config.integrationKey === null || given === null || !secretsEqual(given, config.integrationKey)) {
      throw new HttpError(401, 'unauthenticated', 'A valid integration key is required.');
    }
  }

  /** The address the caller reached us at, so the link works from where it is opened. */
  function baseUrlFor(request: ApiRequest): string {
    const host = request.req.headers.host;
    return host !== undefined && SAFE_HOST.test(host) ? `http://${host}` : options.baseUrl();
  }

  async function issueClientToken(request: ApiRequest): Promise<ClientTokenResponse> {
    requireIntegrationKey(request);
    const { clientId } = parseOrThrow(clientTokenRequestSchema, await request.readJson());
    if (!repos.clients.findById(clientId)) throw new HttpError(404, 'not_found', `There is no client ${clientId}.`);
    const token = newToken();
    repos.clients.saveToken(clientId, hashToken(token), clock.now());
    return { token, clientPageUrl: clientPageUrl(baseUrlFor(request), token) };
  }

  return [{ method: 'POST', path: routes.integrationClientToken, handle: issueClientToken }];
}

/** The client page with its token in the fragment, which browsers never send to servers. */
export function clientPageUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${routes.clientPage}#token=${token}`;
}
