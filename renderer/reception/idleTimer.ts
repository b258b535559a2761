// Calls onIdle once nobody has used the app for `timeoutMs`. Activity only records a time (it
// runs on every mouse move); the one pending timer re-arms itself for whatever time is left,
// so a busy screen costs no timer churn. Clock and timers are injected so tests never wait.

export interface IdleTimers {
  now(): number;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleTimer {
  /** Someone used the app: the idle time starts again. */
  touch(): void;
  stop(): void;
}

export function createIdleTimer(options: { timeoutMs: number; timers: IdleTimers; onIdle: () => void }): IdleTimer {
  const { timeoutMs, timers, onIdle } = options;
  let lastActivity = timers.now();
  let handle: unknown = null;
  let stopped = false;

  const arm = (milliseconds: number) => {
    handle = timers.setTimeout(check, milliseconds);
  };
  function check() {
    handle = null;
    if (stopped) return;
    const left = lastActivity + timeoutMs - timers.now();
    if (left > 0) {
      arm(left);
      return;
    }
    stopped = true;
    onIdle();
  }
  arm(timeoutMs);

  return {
    touch() {
      if (!stopped) lastActivity = timers.now();
    },
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
