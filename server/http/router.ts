// The HTTP front door, the micro way: exact-path API routes returning JSON, one error shape,
// CORS for allowed origins, and the built renderer for everything that is not /api.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { readJsonBody } from './body';
import { HttpError, sendError, sendJson } from './errors';
import type { OriginPolicy } from './origins';
import { serveStatic } from './static';

export type ApiRequest = {
  req: IncomingMessage;
  url: URL;
  /** The caller's address, for rate limits. */
  ip: string;
  readJson(): Promise<unknown>;
};

export type Route = {
  method: 'GET' | 'POST';
  path: string;
  /** Returns the JSON body of a 200, or throws an HttpError. */
  handle(request: ApiRequest): unknown;
};

export type RequestListenerOptions = {
  routes: readonly Route[];
  staticDir: string;
  originPolicy: OriginPolicy;
  log: Logger;
};

const API_PREFIX = '/api/';

export function createRequestListener({ routes, staticDir, originPolicy, log }: RequestListenerOptions): RequestListener {
  const routesByPath = new Map<string, Route[]>();
  for (const route of routes) routesByPath.set(route.path, [...(routesByPath.get(route.path) ?? []), route]);

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!originPolicy.allows(req.headers)) {
      throw new HttpError(403, 'forbidden', 'Requests from this origin are not allowed.');
    }
    const corsHeaders: Record<string, string> = req.headers.origin
      ? { 'Access-Control-Allow-Origin': req.headers.origin, Vary: 'Origin' }
      : {};
    const candidates = routesByPath.get(url.pathname);
    if (!candidates) throw new HttpError(404, 'not_found', `There is no API route ${url.pathname}.`, undefined, corsHeaders);
    const allow = [...candidates.map((route) => route.method), 'OPTIONS'].join(', ');

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...corsHeaders,
        Allow: allow,
        'Access-Control-Allow-Methods': allow,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
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
        readJson: () => readJsonBody(req),
      });
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
    const work = isApi ? handleApi(req, res, url) : serveStatic(req, res, url.pathname, staticDir);
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
