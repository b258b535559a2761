// The browser's stand-in for the desktop preference cache: JSON values in localStorage under a
// namespace, so our keys never collide with anything else served from the same origin.
import { prefsKeySchema } from '../../shared/bridge';

export const PREFS_NAMESPACE = 'frontDeskInbox.pref:';

/** The part of the Web Storage API we use; a Map-backed fake satisfies it in tests. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PrefsStore {
  read(key: string): unknown;
  write(key: string, value: unknown): void;
}

export function createPrefsStore(storage: KeyValueStorage, namespace = PREFS_NAMESPACE): PrefsStore {
  const storageKey = (key: string): string => {
    // Same key rule as the desktop cache, so code that works in a browser works in Electron.
    if (!prefsKeySchema.safeParse(key).success) throw new Error(`Invalid preference key "${key}".`);
    return namespace + key;
  };
  return {
    read(key) {
      const stored = storage.getItem(storageKey(key));
      if (stored === null) return undefined;
      try {
        return JSON.parse(stored) as unknown;
      } catch {
        // Someone else's value or a truncated write: treat it as never set.
        return undefined;
      }
    },
    write(key, value) {
      if (value === undefined) storage.removeItem(storageKey(key));
      else storage.setItem(storageKey(key), JSON.stringify(value));
    },
  };
}
