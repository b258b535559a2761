// Owns the local preference cache: small JSON values by key, in a file under the user's app data.
import ElectronStore from 'electron-store';

export interface PrefsStore {
  /** The stored value, or undefined when the key was never written (or was cleared). */
  get(key: string): unknown;
  /** Stores a JSON value; undefined clears the key. Throws PrefValueError for anything else. */
  set(key: string, value: unknown): void;
  /** Every key that holds a value. */
  keys(): string[];
}

/** Generous for a UI preference, small enough that a misbehaving page cannot fill the disk. */
export const PREF_VALUE_MAX_BYTES = 64 * 1024;

export class PrefValueError extends Error {
  override readonly name = 'PrefValueError';
}

/** Validates and normalises a value to exactly what reading it back will return. */
export function toStoredPref(key: string, value: unknown): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    throw new PrefValueError(`The preference "${key}" cannot be saved: its value is not plain JSON.`);
  }
  if (json === undefined) {
    throw new PrefValueError(`The preference "${key}" cannot be saved: its value is not plain JSON.`);
  }
  if (Buffer.byteLength(json) > PREF_VALUE_MAX_BYTES) {
    throw new PrefValueError(`The preference "${key}" is too large to save (over ${PREF_VALUE_MAX_BYTES / 1024} KB).`);
  }
  return JSON.parse(json);
}

/** `directory` is Electron's userData folder in the app; tests pass a temp folder. */
export function createPrefsStore(directory: string): PrefsStore {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: directory,
    name: 'prefs',
    // Keys such as "inbox.sort" are names, not paths into nested objects.
    accessPropertiesByDotNotation: false,
    // It is a cache: a damaged file should cost the user their preferences, not the app.
    clearInvalidConfig: true,
  });
  return {
    get: (key) => store.get(key),
    keys: () => Object.keys(store.store),
    set(key, value) {
      if (value === undefined) store.delete(key);
      else store.set(key, toStoredPref(key, value));
    },
  };
}
