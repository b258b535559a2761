// Serves the built renderer: the inbox page, the client page and their hashed assets. Only
// those paths are served; nothing else in staticDir (or outside it) is reachable.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentTypeFor } from '../../shared/contentTypes';

export const HTML_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/client/': 'client/index.html',
  '/client/index.html': 'client/index.html',
};

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

async function readRegularFile(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}

/** The file an /assets/ path names, or null if it would leave the assets folder. */
function assetFile(staticDir: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice('/assets/'.length));
  } catch {
    return null;
  }
  if (relative === '' || relative.includes('\0')) return null;
  const assetsDir = resolve(staticDir, 'assets');
  const file = resolve(assetsDir, relative);
  return file.startsWith(assetsDir + sep) ? file : null;
}

/** Answers a GET/HEAD for a page or asset. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, staticDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  if (pathname === '/client') {
    res.writeHead(301, { Location: '/client/' });
    res.end();
    return;
  }

  const page = PAGES[pathname];
  const file = page !== undefined ? resolve(staticDir, page) : pathname.startsWith('/assets/') ? assetFile(staticDir, pathname) : null;
  const content = file === null ? null : await readRegularFile(file);
  if (file === null || content === null) {
    if (page === undefined) {
      sendText(res, 404, 'Not found.');
    } else {
      sendText(res, 503, 'The inbox app is not built yet: run `npm run build`, then start the server again.');
    }
    return;
  }

  const isHtml = extname(file) === '.html';
  res.writeHead(200, {
    ...(isHtml ? HTML_SECURITY_HEADERS : { 'X-Content-Type-Options': 'nosniff' }),
    'Content-Type': contentTypeFor(extname(file)),
    'Content-Length': content.length,
    // Asset names carry a content hash; pages must be revalidated to pick up a new build.
    'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : content);
}
