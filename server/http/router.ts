// The HTTP front door, the micro way: API routes returning JSON (or, for downloads, bytes),
// one error shape, CORS for allowed origins, and the built renderer for everything that is
// not /api.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { readBodyBytes, readJsonBody } from './body';
import { HttpError, sendError, sendJson } from './errors';
import type { HostPolicy } from './hosts';
import type { OriginPolicy } from './origins';
import { serveStatic } from './static';
import { serveUpdateFeed, UPDATES_PATH_PREFIX } from '../updates/updateFeed';

export type ApiRequest = {
  req: IncomingMessage;
  url: URL;
  /** The caller's address, for rate limits. */
  ip: string;
  /** Values of the route's `:name` path segments. */
  params: Readonly<Record<string, string>>;
  readJson(): Promise<unknown>;
  /** The raw body, refused with 413 past `limit` bytes. */
  readBytes(limit: number): Promise<Buffer>;
};

/** A 200 whose body is bytes rather than JSON; `headers` name their type. */
export class BinaryResponse {
  constructor(
    readonly body: Buffer,
    readonly headers: Record<string, string>,
  ) {}
}

export type Route = {
  method: 'GET' | 'POST' | 'PUT';
  /** An exact path, or one with `:name` segments (e.g. /api/attachments/:id). */
  path: string;
  /** Returns the JSON body of a 200 (or a BinaryResponse), or throws an HttpError. */
  handle(request: ApiRequest): unknown;
};

type RoutePattern = { path: string; segments: string[]; routes: Route[] };

function matchPattern(pattern: RoutePattern, segments: readonly string[]): Record<string, string> | null {
  if (pattern.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.segments.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

export type RequestListenerOptions = {
  routes: readonly Route[];
  staticDir: string;
  originPolicy: OriginPolicy;
  hostPolicy: HostPolicy;
  log: Logger;
  /** The folder served read-only at /updates/ (the desktop app's update feed); null: none. */
  updatesDir?: string | null;
};

const API_PREFIX = '/api/';

/** The same words for a Host refused over HTTP and on the socket handshake. */
export const HOST_REFUSED_MESSAGE = 'This server does not answer to that host name. Whoever runs it can allow it with --allowed-host.';

export function createRequestListener({ routes, staticDir, originPolicy, hostPolicy, log, updatesDir = null }: RequestListenerOptions): RequestListener {
  const patterns: RoutePattern[] = [];
  for (const route of routes) {
    const existing = patterns.find((pattern) => pattern.path === route.path);
    if (existing) existing.routes.push(route);
    else patterns.push({ path: route.path, segments: route.path.split('/'), routes: [route] });
  }
  const findRoutes = (pathname: string) => {
    const segments = pathname.split('/');
    for (const pattern of patterns) {
      const params = matchPattern(pattern, segments);
      if (params) return { candidates: pattern.routes, params };
    }
    return null;
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hostPolicy.allows(req.headers.host)) throw new HttpError(403, 'forbidden', HOST_REFUSED_MESSAGE);
    if (!originPolicy.allows(req.headers)) {
      throw new HttpError(403, 'forbidden', 'Requests from this origin are not allowed.');
    }
    const corsHeaders: Record<string, string> = req.headers.origin
      ? { 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Expose-Headers': 'Content-Disposition', Vary: 'Origin' }
      : {};
    const found = findRoutes(url.pathname);
    if (!found) throw new HttpError(404, 'not_found', `There is no API route ${url.pathname}.`, undefined, corsHeaders);
    const { candidates, params } = found;
    const allow = [...candidates.map((route) => route.method), 'OPTIONS'].join(', ');

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...corsHeaders,
        Allow: allow,
        'Access-Control-Allow-Methods': allow,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-File-Name',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const route = candidates.find((candidate) => candidate.method === req.method);
    if (!route) {
      throw new HttpError(405, 'bad_request', `Use ${allow.replace(', OPTIONS', '')} for ${url.pathname}.`, undefined, {
        ...corsHeaders,
        Allow: allow,
      });
    }
    try {
      const body = await route.handle({
        req,
        url,
        ip: req.socket.remoteAddress ?? 'unknown',
        params,
        readJson: () => readJsonBody(req),
        readBytes: (limit) => readBodyBytes(req, limit),
      });
      if (body instanceof BinaryResponse) {
        res.writeHead(200, { ...body.headers, ...corsHeaders, 'Content-Length': body.body.length });
        res.end(body.body);
        return;
      }
      sendJson(res, 200, body, corsHeaders);
    } catch (error) {
      if (error instanceof HttpError) Object.assign(error.headers, corsHeaders);
      throw error;
    }
  }

  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://inbox.invalid');
    } catch {
      sendError(res, new HttpError(400, 'bad_request', 'The request URL is not valid.'));
      return;
    }
    const isApi = url.pathname.startsWith(API_PREFIX) || url.pathname === '/api';
    const work = isApi
      ? handleApi(req, res, url)
      : url.pathname.startsWith(UPDATES_PATH_PREFIX)
        ? serveUpdateFeed(req, res, url.pathname, updatesDir)
        : serveStatic(req, res, url.pathname, staticDir);
    work.catch((error: unknown) => {
      if (res.headersSent) {
        log.error('HTTP response failed after headers were sent', { path: url.pathname, error });
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        // Stop reading an oversized upload; the client gets the 413 and the socket closes.
        if (error.status === 413) res.setHeader('Connection', 'close');
        sendError(res, error);
        return;
      }
      log.error('HTTP request failed', { method: req.method, path: url.pathname, error });
      sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server. Please try again.'));
    });
  };
}
