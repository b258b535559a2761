// Catch-up hands the app what it missed in the shapes of the pushes it already handles, so the
// inbox list, the open conversation, notifications and the badge update the same way whether a
// message arrived live or after a reconnect. Every screen subscribes through this API.
import type { z } from 'zod';
import type { staffPushes } from '../../shared/staffEvents';
import type { StaffApi } from '../api/staffApi';

type Pushes = typeof staffPushes;
type PushName = keyof Pushes & string;

/** Enough to cover any catch-up replay: positions are saved a few seconds after each burst. */
const REMEMBERED_MESSAGES = 5_000;

export interface LocalPushApi extends StaffApi {
  /** Delivers a push to this app's subscribers as if the server had sent it. A message that
   * already arrived (live or by an earlier catch-up) is not delivered again. */
  deliver<K extends PushName>(name: K, payload: z.infer<Pushes[K]>): void;
}

export function withLocalPushes(api: StaffApi): LocalPushApi {
  const local = new Map<string, Set<(payload: never) => void>>();
  // Catch-up starts from the last saved position, so it replays messages that came live after
  // it; announcing them twice would notify twice.
  const announced = new Set<number>();
  const remember = (messageId: number): boolean => {
    if (announced.has(messageId)) return false;
    announced.add(messageId);
    if (announced.size > REMEMBERED_MESSAGES) announced.delete(announced.values().next().value!);
    return true;
  };
  api.subscribe('message:created', ({ message }) => void remember(message.id));

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
      if (name === 'message:created' && !remember((payload as z.infer<Pushes['message:created']>).message.id)) return;
      for (const handler of local.get(name) ?? []) (handler as (payload: unknown) => void)(payload);
    },
  };
}
