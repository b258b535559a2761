// Owns the answer to "is this URL one of the app's own pages?" for the window guards and IPC.
import { DESKTOP_ORIGIN } from '../../shared/http';

/**
 * `scheme://host[:port]` of a URL, or null when it has none. Node's URL reports the origin of
 * custom schemes such as app:// as "null", so it is built from the parts instead.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The origins the inbox is loaded from: app://inbox, plus the dev server under `electron-vite dev`. */
export function appOrigins(devRendererUrl: string | undefined): ReadonlySet<string> {
  const origins = new Set([DESKTOP_ORIGIN]);
  const devOrigin = devRendererUrl ? originOf(devRendererUrl) : null;
  if (devOrigin) origins.add(devOrigin);
  return origins;
}

export function isAppUrl(url: string, origins: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && origins.has(origin);
}
