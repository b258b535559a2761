import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFS, type NotificationPrefsState } from '../../shared/profile';
import { ok, type Result } from '../../shared/result';
import { createPrefsSync, prefsCacheKey } from './prefsSync';

function fakes(cached: unknown) {
  const store = new Map<string, unknown>([[prefsCacheKey(3), cached]]);
  const pushHandlers: ((state: NotificationPrefsState) => void)[] = [];
  const connectHandlers: (() => void)[] = [];
  let answer: (result: Result<NotificationPrefsState>) => void = () => undefined;
  const api = {
    request: (name: string) =>
      new Promise((resolve) => {
        if (name === 'profile:get') answer = resolve;
      }),
    subscribe: (_name: string, handler: (state: NotificationPrefsState) => void) => {
      pushHandlers.push(handler);
      return () => undefined;
    },
    whenConnected: (handler: () => void) => {
      connectHandlers.push(handler);
      return () => undefined;
    },
  };
  const bridge = {
    readPref: (key: string) => Promise.resolve(store.get(key)),
    writePref: (key: string, value: unknown) => Promise.resolve(void store.set(key, value)),
  };
  const sync = createPrefsSync(api as never, bridge, 3);
  sync.start();
  return {
    store,
    sync,
    connect: () => connectHandlers.forEach((handler) => handler()),
    serverAnswers: (state: NotificationPrefsState) => answer(ok(state)),
    push: (state: NotificationPrefsState) => pushHandlers.forEach((handler) => handler(state)),
  };
}

const state = (version: number, showPreview: boolean): NotificationPrefsState => ({
  prefs: { ...DEFAULT_NOTIFICATION_PREFS, showPreview },
  version,
  updatedAt: version,
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('preferences sync', () => {
  it('applies the cached copy at start-up, before the server answers, then the server\'s', async () => {
    const { sync, connect, serverAnswers, store } = fakes(state(4, false));
    expect(sync.prefs()).toEqual(DEFAULT_NOTIFICATION_PREFS);
    await settle();
    expect(sync.prefs().showPreview).toBe(false);
    connect();
    serverAnswers(state(5, true));
    await settle();
    expect(sync.current()).toEqual(state(5, true));
    expect(store.get(prefsCacheKey(3))).toEqual(state(5, true));
  });

  it('ignores a broken cache, and a late push older than what the server said', async () => {
    const { sync, connect, serverAnswers, push } = fakes({ prefs: 'nonsense' });
    await settle();
    expect(sync.current()).toBeNull();
    connect();
    serverAnswers(state(7, false));
    await settle();
    push(state(6, true));
    expect(sync.current()?.version).toBe(7);
    push(state(8, true));
    expect(sync.current()).toEqual(state(8, true));
  });
});
