// Serves the desktop app's update feed: the installers and latest*.yml files electron-builder
// writes, from the one folder IT fills (--updates-dir), at /updates/<file name>. Reception
// computers then update from the salon's own server without reaching the internet.
//
// Read-only and bounded: GET and HEAD only; a plain file name (no folders, no hidden files,
// only the kinds of file electron-builder publishes) that resolves to a regular file directly in
// that folder (a symbolic link is refused, so nothing outside it is reachable); a size cap; one
// byte range per request, which is what electron-updater's differential download asks for when
// told not to batch ranges (the app sets useMultipleRangeRequest: false). The files are public
// to whoever reaches the server, like the inbox page itself: installers hold no secrets, and
// the app checks each download against the sha512 in the feed's latest*.yml.
import { constants, createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export const UPDATES_PATH_PREFIX = '/updates/';

/** Larger than any installer we build (~100–200 MB), small enough to refuse a stray disk image. */
export const UPDATE_FILE_MAX_BYTES = 1024 * 1024 * 1024;
const FILE_NAME_MAX_LENGTH = 200;

/** Starts with a letter or digit (no hidden files, no "..") and has no separators. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ +-]*$/;
/** What electron-builder publishes for the generic provider, per OS. */
const PUBLISHED_EXTENSIONS = ['.yml', '.exe', '.blockmap', '.zip', '.dmg', '.AppImage', '.deb', '.rpm'];

const CONTENT_TYPES: Record<string, string> = { '.yml': 'text/yaml; charset=utf-8' };

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** The requested file name, or null when it is not one the feed could hold. */
export function updateFileName(pathname: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(UPDATES_PATH_PREFIX.length));
  } catch {
    return null;
  }
  if (name.length === 0 || name.length > FILE_NAME_MAX_LENGTH || !FILE_NAME.test(name) || name.includes('..')) return null;
  return PUBLISHED_EXTENSIONS.some((extension) => name.endsWith(extension)) ? name : null;
}

export type ByteRange = { start: number; end: number };

/**
 * One `bytes=` range of a file of `size` bytes: the range, 'unsatisfiable', or null to send
 * the whole file (no header, several ranges, or a header we do not understand: RFC 9110 lets
 * a server ignore Range).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // The last N bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

async function openInFolder(folder: string, name: string): Promise<FileHandle | null> {
  try {
    // O_NOFOLLOW: a symbolic link in the folder could point anywhere; refuse it (POSIX only,
    // Windows has no such flag, and a file name without separators cannot leave the folder).
    return await open(join(folder, name), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
}

/** Answers a request under /updates/; `folder` null means this server publishes no feed. */
export async function serveUpdateFeed(req: IncomingMessage, res: ServerResponse, pathname: string, folder: string | null): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const name = updateFileName(pathname);
  const file = folder === null || name === null ? null : await openInFolder(folder, name);
  if (file === null) {
    sendText(res, 404, 'Not found.');
    return;
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile() || stats.size > UPDATE_FILE_MAX_BYTES) {
      sendText(res, 404, 'Not found.');
      return;
    }
    const range = parseRange(req.headers.range, stats.size);
    if (range === 'unsatisfiable') {
      sendText(res, 416, 'Range not satisfiable.', { 'Content-Range': `bytes */${stats.size}`, 'Accept-Ranges': 'bytes' });
      return;
    }
    const extension = PUBLISHED_EXTENSIONS.find((candidate) => name?.endsWith(candidate)) ?? '';
    const { start, end } = range ?? { start: 0, end: stats.size - 1 };
    res.writeHead(range ? 206 : 200, {
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'Content-Length': String(stats.size === 0 ? 0 : end - start + 1),
      'Accept-Ranges': 'bytes',
      'Last-Modified': stats.mtime.toUTCString(),
      // latest*.yml changes in place when IT publishes a version; installers keep their name.
      'Cache-Control': extension === '.yml' ? 'no-cache' : 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stats.size}` } : {}),
    });
    if (req.method === 'HEAD' || stats.size === 0) {
      res.end();
      return;
    }
    // The stream owns the handle from here and closes it when done or destroyed.
    const stream = createReadStream('', { fd: file, start, end, autoClose: true });
    // A client that stops reading (a cancelled download) ends the response; nothing to report.
    await pipeline(stream, res).catch(() => res.destroy());
  } finally {
    await file.close().catch(() => undefined);
  }
}
