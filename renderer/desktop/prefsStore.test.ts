import { describe, expect, it } from 'vitest';
import { createPrefsStore, PREFS_NAMESPACE } from './prefsStore';
import { createMemoryStorage } from './testDoubles';

describe('createPrefsStore', () => {
  it('stores JSON under the namespace and reads it back', () => {
    const storage = createMemoryStorage();
    const prefs = createPrefsStore(storage);
    prefs.write('inbox.filter', { unreadOnly: true });
    expect(storage.entries.get(`${PREFS_NAMESPACE}inbox.filter`)).toBe('{"unreadOnly":true}');
    expect(prefs.read('inbox.filter')).toEqual({ unreadOnly: true });
  });

  it('keeps namespaces apart', () => {
    const storage = createMemoryStorage();
    createPrefsStore(storage, 'a:').write('theme', 'dark');
    expect(createPrefsStore(storage, 'b:').read('theme')).toBeUndefined();
  });

  it('reads a missing or corrupt value as undefined', () => {
    const storage = createMemoryStorage();
    storage.setItem(`${PREFS_NAMESPACE}broken`, '{not json');
    const prefs = createPrefsStore(storage);
    expect(prefs.read('missing')).toBeUndefined();
    expect(prefs.read('broken')).toBeUndefined();
  });

  it('removes the entry when written undefined', () => {
    const storage = createMemoryStorage();
    const prefs = createPrefsStore(storage);
    prefs.write('theme', 'dark');
    prefs.write('theme', undefined);
    expect(storage.entries.size).toBe(0);
  });

  it('rejects keys the desktop cache would reject', () => {
    const prefs = createPrefsStore(createMemoryStorage());
    expect(() => prefs.write('../escape', 1)).toThrow(/Invalid preference key/);
  });
});
