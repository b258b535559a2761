// The booking-system integration API: a client's token and page link, and revoking them all.
// Every call needs the configured integration key; what the booking system sends us is in
// bookingSync.routes.ts.
import type { z } from 'zod';
import { clientTokenRequestSchema, routes, type clientTokenResponseSchema } from '../../shared/http';
import { hashToken, newToken } from '../auth/tokens';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import { requireIntegrationKey } from './integrationKey';

type ClientTokenResponse = z.infer<typeof clientTokenResponseSchema>;

/** A Host header we are willing to put into a link: host name or address, optional port. */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function integrationRoutes(deps: ServerDeps, options: { baseUrl(): string; clientLinksRevoked(clientId: number): void }): Route[] {
  const { repos, clock, config } = deps;

  /** The address the caller reached us at, so the link works from where it is opened. */
  function baseUrlFor(request: ApiRequest): string {
    const host = request.req.headers.host;
    return host !== undefined && SAFE_HOST.test(host) ? `http://${host}` : options.baseUrl();
  }

  /** The client a request names, by our id or the booking system's; 404 if none. */
  async function clientOf(request: ApiRequest): Promise<number> {
    requireIntegrationKey(config.integrationKey, request);
    const body = parseOrThrow(clientTokenRequestSchema, await request.readJson());
    const clientId = 'clientId' in body ? body.clientId : repos.bookingSync.clientIdByRef(body.clientRef);
    if (clientId === null || !repos.clients.findById(clientId)) {
      throw new HttpError(404, 'not_found', 'clientId' in body ? `There is no client ${body.clientId}.` : `There is no client with ref ${body.clientRef}.`);
    }
    return clientId;
  }

  async function issueClientToken(request: ApiRequest): Promise<ClientTokenResponse> {
    const clientId = await clientOf(request);
    const token = newToken();
    repos.clients.saveToken(clientId, hashToken(token), clock.now());
    return { token, clientPageUrl: clientPageUrl(baseUrlFor(request), token) };
  }

  async function revokeClientTokens(request: ApiRequest): Promise<{ revokedTokens: number }> {
    const clientId = await clientOf(request);
    const revokedTokens = repos.clients.revokeTokens(clientId, clock.now());
    options.clientLinksRevoked(clientId);
    return { revokedTokens };
  }

  return [
    { method: 'POST', path: routes.integrationClientToken, handle: issueClientToken },
    { method: 'POST', path: routes.integrationRevokeClientTokens, handle: revokeClientTokens },
  ];
}

/** The client page with its token in the fragment, which browsers never send to servers. */
export function clientPageUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${routes.clientPage}#token=${token}`;
}
