// Small in-memory stand-ins for browser APIs, shared by the desktop tests.
import type { KeyValueStorage } from './prefsStore';

export function createMemoryStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}
