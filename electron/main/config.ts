// Owns where the inbox server is: embedded in this app (the default) or a remote one IT set.
import type { ManagedValues } from './managedConfig';
import { remoteServerUrlSchema, SERVER_URL_ENV, type ServerLocation } from './serverAddress';

export { SERVER_URL_ENV, type ServerLocation };

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
