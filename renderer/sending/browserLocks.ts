// Locks shared by every tab and window of this origin, for outboxes whose entries they share.
import type { WithLock } from '../../shared/offline/outbox';

/** navigator.locks where the browser has it (every Chromium and Electron); else none. */
export function browserLocks(): WithLock | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  return <T>(name: string, work: () => Promise<T>) => locks.request(name, work) as Promise<T>;
}
