// Counts failed sign-ins per key in a fixed window, so guessing passwords gets slow. In
// memory on purpose: a restart forgiving old failures is acceptable for a front-desk app.
import type { Clock } from '../clock';

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;

type Window = { failures: number; startedAt: number };

/** Entries kept before stale ones are swept, so spraying keys cannot grow memory unbounded. */
const SWEEP_THRESHOLD = 10_000;

export function createAttemptLimiter(options: { maxFailures: number; windowMs: number; clock: Clock }) {
  const windows = new Map<string, Window>();
  const current = (key: string): Window | null => {
    const window = windows.get(key);
    if (!window) return null;
    if (options.clock.now() - window.startedAt >= options.windowMs) {
      windows.delete(key);
      return null;
    }
    return window;
  };
  const sweep = () => {
    for (const key of [...windows.keys()]) current(key);
  };

  return {
    /** Milliseconds until the key may try again, or 0 if it may try now. */
    retryAfterMs(key: string): number {
      const window = current(key);
      if (!window || window.failures < options.maxFailures) return 0;
      return window.startedAt + options.windowMs - options.clock.now();
    },
    recordFailure(key: string): void {
      const window = current(key);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= SWEEP_THRESHOLD) sweep();
      windows.set(key, { failures: 1, startedAt: options.clock.now() });
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}
