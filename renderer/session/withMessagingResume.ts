// While Client Connect is off the server refuses chat reads (R2), so the inbox could not load
// what it loads on connect. Turning it back on must bring everything back without a reload:
// this API runs its whenConnected handlers again at that moment, exactly as after a reconnect.
import type { StaffApi } from '../api/staffApi';

export interface ResumingStaffApi extends StaffApi {
  /** What the app currently believes (from the session), for the next push to compare with. */
  noteEnabled(enabled: boolean): void;
}

export function withMessagingResume(api: StaffApi): ResumingStaffApi {
  const handlers = new Set<() => void>();
  let enabled: boolean | undefined;
  api.subscribe('settings:updated', ({ settings }) => {
    const wasOff = enabled === false;
    enabled = settings.enabled;
    if (wasOff && settings.enabled) for (const handler of handlers) handler();
  });
  return {
    ...api,
    whenConnected(handler) {
      handlers.add(handler);
      const unsubscribe = api.whenConnected(handler);
      return () => {
        handlers.delete(handler);
        unsubscribe();
      };
    },
    noteEnabled(value) {
      enabled = value;
    },
  };
}
