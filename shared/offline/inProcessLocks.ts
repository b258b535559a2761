// Named locks within one JavaScript process: what the Web Locks API gives tabs, for tests and
// for several outboxes sharing one store in the same process.
import type { WithLock } from './outbox';

export function createInProcessLocks(): WithLock {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const before = tails.get(name) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(name, tail);
    try {
      return await run;
    } finally {
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}
