// The signed-in member's notification preferences on this device (R10): the copy cached on the
// desktop (electron-store, or localStorage in a browser) applies at start-up, then the server's
// answer and every live push replace it, and each newer copy is cached again for next time.
import type { DesktopBridge } from '../../shared/bridge';
import {
  DEFAULT_NOTIFICATION_PREFS,
  notificationPrefsStateSchema,
  type NotificationPrefs,
  type NotificationPrefsState,
} from '../../shared/profile';
import type { Result } from '../../shared/result';
import type { StaffApi } from '../api/staffApi';

/** The cache key: per member, since a reception computer is shared. */
export const prefsCacheKey = (memberId: number) => `notify.prefs:${memberId}`;

export interface PrefsSync {
  /** The newest preferences this device knows; null until the cache or the server answered. */
  current(): NotificationPrefsState | null;
  /** What notifications follow right now (the defaults until anything is known). */
  prefs(): NotificationPrefs;
  subscribe(listener: () => void): () => void;
  save(prefs: NotificationPrefs, baseVersion: number): Promise<Result<NotificationPrefsState>>;
  /** Reads the cache and follows the server; returns stop. May start again after stopping. */
  start(): () => void;
}

type PrefsApi = Pick<StaffApi, 'request' | 'subscribe' | 'whenConnected'>;

export function createPrefsSync(api: PrefsApi, bridge: Pick<DesktopBridge, 'readPref' | 'writePref'>, memberId: number): PrefsSync {
  let state: NotificationPrefsState | null = null;
  let heardFromServer = false;
  const listeners = new Set<() => void>();
  const key = prefsCacheKey(memberId);

  const set = (next: NotificationPrefsState) => {
    state = next;
    bridge.writePref(key, next).catch(() => undefined);
    for (const listener of listeners) listener();
  };
  /** The server's word is final (even an older version, e.g. after a restore); a push that
   * arrives late must not undo a newer one. */
  const fromServer = (next: NotificationPrefsState, answer: 'get' | 'push') => {
    if (answer === 'push' && state && heardFromServer && next.version < state.version) return;
    heardFromServer = true;
    set(next);
  };

  const readCache = () =>
    bridge.readPref(key).then(
      (cached) => {
        const parsed = notificationPrefsStateSchema.safeParse(cached);
        if (parsed.success && !heardFromServer && state === null) {
          state = parsed.data;
          for (const listener of listeners) listener();
        }
      },
      () => undefined,
    );

  return {
    current: () => state,
    prefs: () => state?.prefs ?? DEFAULT_NOTIFICATION_PREFS,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async save(prefs, baseVersion) {
      const result = await api.request('profile:update', { prefs, baseVersion });
      if (result.ok) fromServer(result.data, 'push');
      return result;
    },
    start() {
      void readCache();
      const unsubscribers = [
        api.whenConnected(() => {
          void api.request('profile:get', {}).then((result) => {
            if (result.ok) fromServer(result.data, 'get');
          });
        }),
        api.subscribe('profile:updated', (pushed) => fromServer(pushed, 'push')),
      ];
      return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
    },
  };
}
