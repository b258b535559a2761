// Which browser origins may call the API and open sockets: the desktop app, the server's own
// pages, and any configured extras (e.g. a renderer dev server). Requests without an Origin
// header come from non-browser clients (the booking system, tests) and are not a CORS matter.
import type { IncomingHttpHeaders } from 'node:http';
import { DESKTOP_ORIGIN } from '../../shared/http';

export type OriginPolicy = {
  /** True when the request carries no Origin or an allowed one. */
  allows(headers: IncomingHttpHeaders): boolean;
};

export function createOriginPolicy(extraAllowedOrigins: readonly string[]): OriginPolicy {
  const allowed = new Set([DESKTOP_ORIGIN, ...extraAllowedOrigins].map((origin) => origin.toLowerCase()));
  return {
    allows(headers) {
      const origin = headers.origin?.toLowerCase();
      if (origin === undefined) return true;
      if (allowed.has(origin)) return true;
      // Same origin: the page was served by this server under the Host it is calling.
      const host = headers.host?.toLowerCase();
      return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    },
  };
}
