// What a remote server address may be, wherever it is set (the environment, the managed file,
// an OS policy): checked in one place, so every source refuses the same addresses.
import { z } from 'zod';

/** Environment variable IT (or a developer) sets to point the app at an existing server. */
export const SERVER_URL_ENV = 'INBOX_SERVER_URL';

export type ServerLocation =
  | { readonly kind: 'embedded' }
  /** `url` is the server's origin, e.g. https://inbox.example-salon.com. */
  | { readonly kind: 'remote'; readonly url: string; readonly source: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The inbox page is a secure context (app://), so Chromium blocks plain http:// and ws://
 * connections to anything but this computer as mixed content. Refuse such an address up
 * front with an explanation instead of letting the inbox fail to connect later.
 */
export function remoteServerUrlSchema(source: string) {
  return z
    .string({ error: 'must be a web address in quotes, like "https://inbox.example-salon.com"' })
    .transform((value, context) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({
          code: 'custom',
          message: `${source} is not a web address: "${value}". Use the server's address, for example https://inbox.example-salon.com.`,
        });
        return z.NEVER;
      }
      const problem = remoteUrlProblem(url);
      if (problem) {
        context.addIssue({ code: 'custom', message: `${source} ("${value}") ${problem}` });
        return z.NEVER;
      }
      return url.origin;
    });
}

function remoteUrlProblem(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'must start with https://.';
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'must use https://; plain http:// is only allowed for a server on this computer (localhost).';
  }
  if (url.username !== '' || url.password !== '') {
    return 'must not contain a user name or password.';
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return 'must be just the server address, without a path, query or #fragment.';
  }
  return null;
}
