// Where a session token lives between page loads. sessionStorage, not localStorage: on a
// shared reception computer a sign-in must not outlive the app window.
import type { KeyValueStorage } from '../desktop/prefsStore';

export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export function createTokenStore(storage: KeyValueStorage, key: string): TokenStore {
  return {
    get: () => storage.getItem(key),
    set: (token) => storage.setItem(key, token),
    clear: () => storage.removeItem(key),
  };
}
