// Owns the app:// scheme: serves the built renderer (out/renderer) to the window with a strict CSP.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { DESKTOP_ORIGIN } from '../../shared/http';
import { contentTypeFor } from '../../shared/contentTypes';

const desktopUrl = new URL(DESKTOP_ORIGIN);
export const APP_SCHEME = desktopUrl.protocol.slice(0, -1);
const APP_HOST = desktopUrl.host;

/** The privileges Electron needs before `ready` so app:// behaves like a real secure origin. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  // standard: relative URLs and a real origin; secure: a secure context, as on https.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

export interface ProtocolSetup {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export type RendererFile =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 };

/** Maps an app:// request URL to a file under rendererDir, refusing anything that escapes it. */
export function resolveRendererFile(rendererDir: string, requestUrl: string): RendererFile {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'refused', status: 404 };

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  // Encoded dot segments and backslashes survive URL parsing; on Windows `\` separates paths.
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment.includes('\\') || segment.includes('\0'))) {
    return { kind: 'refused', status: 403 };
  }
  if (pathname.endsWith('/') || segments.length === 0) segments.push('index.html');

  const root = resolve(rendererDir);
  const path = join(root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { kind: 'refused', status: 403 };

  const contentType = contentTypeFor(extname(path));
  return { kind: 'file', path, contentType };
}

/** The page may talk to the inbox server (HTTP, WebSocket, images) and to nothing else. */
export function buildContentSecurityPolicy(serverUrl: string): string {
  const server = new URL(serverUrl);
  const socketOrigin = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${server.origin}`,
    `connect-src 'self' ${server.origin} ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Builds the app:// request handler; exported apart from `handleAppProtocol` so tests call it. */
export function createAppRequestHandler(rendererDir: string, serverUrl: string) {
  const contentSecurityPolicy = buildContentSecurityPolicy(serverUrl);
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const file = resolveRendererFile(rendererDir, request.url);
    if (file.kind === 'refused') return refusal(file.status);
    let body: Buffer;
    try {
      body = await readFile(file.path);
    } catch {
      return refusal(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        // A rebuilt app ships new files under the same names; always revalidate.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Serves rendererDir on app://inbox/. Call after `ready`, once the server URL is known. */
export function handleAppProtocol(protocol: ProtocolSetup, rendererDir: string, serverUrl: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, serverUrl));
}
