// A desktop notification for a push that may come twice — live, and again when a reconnect's
// catch-up replays it — shown once per id. Assignments and mentions both work this way; a click
// opens the conversation like a message notification's (useMessageNotifications registers it).
import { useEffect } from 'react';
import type { z } from 'zod';
import type { DesktopNotification } from '../../shared/bridge';
import type { staffPushes } from '../../shared/staffEvents';
import { useStaff } from '../session/StaffContext';

/** Enough to cover a catch-up replay of pushes that also came live. */
const REMEMBERED_IDS = 1_000;

type Pushes = typeof staffPushes;

export function useOncePerIdNotifications<K extends keyof Pushes & string>(
  push: K,
  idOf: (payload: z.infer<Pushes[K]>) => number,
  /** The notification for this member, or null when there is nothing to tell them. */
  requestFor: (payload: z.infer<Pushes[K]>, memberId: number) => DesktopNotification | null,
) {
  const { api, bridge, session } = useStaff();
  const memberId = session.member.id;

  useEffect(() => {
    const notified = new Set<number>();
    return api.subscribe(push, (payload) => {
      const id = idOf(payload);
      if (notified.has(id)) return;
      const request = requestFor(payload, memberId);
      if (!request) return;
      notified.add(id);
      if (notified.size > REMEMBERED_IDS) notified.delete(notified.values().next().value!);
      bridge.notify(request);
    });
  }, [api, bridge, memberId, push, idOf, requestFor]);
}
