// Counts requests per key in fixed one-minute-style windows and refuses past a maximum. Each
// request is counted when it is admitted, before any slow work, so requests fired at once
// cannot all slip past the check. In memory and O(1) per call: it sits in front of the
// message send path. A restart forgets the counts, which only ever lets a little more through.
import type { Clock } from '../clock';

type Window = { admitted: number; startedAt: number };

/** Entries kept before stale ones are swept, so many keys cannot grow memory unbounded. */
const SWEEP_THRESHOLD = 10_000;

export type WindowLimiter = ReturnType<typeof createWindowLimiter>;

export function createWindowLimiter(options: { max: number; windowMs: number; clock: Clock }) {
  const windows = new Map<string | number, Window>();
  const live = (key: string | number, now: number): Window | null => {
    const window = windows.get(key);
    if (!window) return null;
    if (now - window.startedAt < options.windowMs) return window;
    windows.delete(key);
    return null;
  };

  return {
    /** Counts one request for the key and answers 0, or answers how many milliseconds until
     * the key may try again (and counts nothing). */
    admit(key: string | number): number {
      const now = options.clock.now();
      const window = live(key, now);
      if (window) {
        if (window.admitted >= options.max) return window.startedAt + options.windowMs - now;
        window.admitted += 1;
        return 0;
      }
      if (windows.size >= SWEEP_THRESHOLD) for (const stale of [...windows.keys()]) live(stale, now);
      windows.set(key, { admitted: 1, startedAt: now });
      return 0;
    },
  };
}
