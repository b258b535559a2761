// The client's access token arrives in the link's fragment (#token=…), which never reaches a
// server log. We keep it for this tab only and take it out of the address bar, so it is not
// bookmarked, shared in a screenshot or left in the history.
import type { KeyValueStorage } from '../desktop/prefsStore';

export const CLIENT_TOKEN_KEY = 'frontDeskInbox.clientToken';

export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : null;
}

export interface TokenSource {
  hash: string;
  storage: KeyValueStorage;
  /** Replaces the address without the fragment. */
  clearHash(): void;
}

/** The token from the link if present (remembered for reloads), else the remembered one. */
export function takeClientToken({ hash, storage, clearHash }: TokenSource): string | null {
  const fromLink = tokenFromHash(hash);
  if (fromLink) {
    storage.setItem(CLIENT_TOKEN_KEY, fromLink);
    clearHash();
    return fromLink;
  }
  return storage.getItem(CLIENT_TOKEN_KEY);
}
