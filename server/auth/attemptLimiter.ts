// Counts guesses (passwords, PINs) per key in a fixed window. A guess is counted the moment it
// is admitted, before the slow hash that checks it, so guesses sent all at once cannot slip past
// the limit while earlier ones are still being checked. In memory on purpose: a restart
// forgiving old failures is acceptable for a front-desk app.
import type { Clock } from '../clock';

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;

type Window = { admitted: number; failures: number; refusals: number; startedAt: number };

/** Entries kept before stale ones are swept, so spraying keys cannot grow memory unbounded. */
const SWEEP_THRESHOLD = 10_000;

export function createAttemptLimiter(options: { maxAttempts: number; windowMs: number; clock: Clock }) {
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
  const open = (key: string): Window => {
    const existing = current(key);
    if (existing) return existing;
    if (windows.size >= SWEEP_THRESHOLD) sweep();
    const window = { admitted: 0, failures: 0, refusals: 0, startedAt: options.clock.now() };
    windows.set(key, window);
    return window;
  };

  return {
    maxAttempts: options.maxAttempts,
    /** Milliseconds until the key may guess again, or 0 if a guess would be admitted now. */
    retryAfterMs(key: string): number {
      const window = current(key);
      if (!window || window.admitted < options.maxAttempts) return 0;
      return window.startedAt + options.windowMs - options.clock.now();
    },
    /** Counts a guess that is about to be checked (the caller saw retryAfterMs() === 0). */
    admit(key: string): void {
      open(key).admitted += 1;
    },
    /** Counts a refusal; answers how many there were in this window, for logs that stay short. */
    refused(key: string): number {
      const window = current(key);
      if (!window) return 0;
      window.refusals += 1;
      return window.refusals;
    },
    /** A checked guess was wrong. Answers true once per window: when the last allowed guess has
     * failed, the moment the key is locked out. */
    failed(key: string): boolean {
      const window = current(key);
      if (!window) return false;
      window.failures += 1;
      return window.failures === options.maxAttempts;
    },
    /** A guess was right: the key starts afresh. */
    reset(key: string): void {
      windows.delete(key);
    },
    /** A guess was right but the key is shared by others (an address): only that guess is
     * taken back, the others' failures still count. */
    forgive(key: string): void {
      const window = current(key);
      if (window && window.admitted > 0) window.admitted -= 1;
    },
  };
}
