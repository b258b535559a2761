// Owns where the inbox server is: embedded in this app (the default) or a remote one IT set.
import { z } from 'zod';
import type { ManagedValues } from './managedConfig';

/** Environment variable IT (or a developer) sets to point the app at an existing server. */
export const SERVER_URL_ENV = 'INBOX_SERVER_URL';

export type ServerLocation =
  | { readonly kind: 'embedded' }
  /** `url` is the server's origin, e.g. https://inbox.example-salon.com. */
  | { readonly kind: 'remote'; readonly url: string; readonly source: string };

export type ServerLocationResult =
  | { readonly ok: true; readonly location: ServerLocation }
  | { readonly ok: false; readonly problem: string };

/**
 * Where the choice may come from, highest priority first: INBOX_SERVER_URL (so a developer or a
 * support call can override a computer's setup without editing files), then the managed
 * configuration file, else the embedded server.
 */
export interface ServerConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The managed configuration file's values (already validated) and where they came from. */
  readonly managed?: { readonly path: string; readonly values: ManagedValues };
}

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

export function resolveServerLocation(sources: ServerConfigSources): ServerLocationResult {
  const fromEnv = sources.env[SERVER_URL_ENV]?.trim();
  // An empty variable is how shells and service managers "unset" things; treat it as unset.
  if (!fromEnv) {
    const managedUrl = sources.managed?.values.serverUrl;
    if (sources.managed && managedUrl && sources.managed.values.serverMode !== 'embedded') {
      return { ok: true, location: { kind: 'remote', url: managedUrl, source: sources.managed.path } };
    }
    return { ok: true, location: { kind: 'embedded' } };
  }

  const parsed = remoteServerUrlSchema(SERVER_URL_ENV).safeParse(fromEnv);
  if (!parsed.success) {
    return { ok: false, problem: parsed.error.issues[0]?.message ?? `${SERVER_URL_ENV} is not valid.` };
  }
  return { ok: true, location: { kind: 'remote', url: parsed.data, source: SERVER_URL_ENV } };
}

/** Title and text of the dialog shown instead of starting with a configuration IT got wrong. */
export function serverConfigErrorDialog(problem: string): { title: string; content: string } {
  return {
    title: 'Front Desk Inbox cannot start',
    content: `The inbox server address is not set up correctly.\n\n${problem}\n\nAsk whoever installed Front Desk Inbox on this computer to correct it.`,
  };
}
