// Catch-up hands the app what it missed in the shapes of the pushes it already handles, so the
// inbox list, the open conversation, notifications and the badge update the same way whether a
// message arrived live or after a reconnect. Every screen subscribes through this API.
import type { z } from 'zod';
import type { staffPushes } from '../../shared/staffEvents';
import type { StaffApi } from '../api/staffApi';

type Pushes = typeof staffPushes;
type PushName = keyof Pushes & string;

export interface LocalPushApi extends StaffApi {
  /** Delivers a push to this app's subscribers as if the server had sent it. */
  deliver<K extends PushName>(name: K, payload: z.infer<Pushes[K]>): void;
}

export function withLocalPushes(api: StaffApi): LocalPushApi {
  const local = new Map<string, Set<(payload: never) => void>>();
  return {
    ...api,
    subscribe(name, handler) {
      const handlers = local.get(name) ?? new Set();
      handlers.add(handler as (payload: never) => void);
      local.set(name, handlers);
      const unsubscribe = api.subscribe(name, handler);
      return () => {
        handlers.delete(handler as (payload: never) => void);
        unsubscribe();
      };
    },
    deliver(name, payload) {
      for (const handler of local.get(name) ?? []) (handler as (payload: unknown) => void)(payload);
    },
  };
}
