// Turns keystrokes into typing:update events: `true` when typing starts (refreshed while it
// goes on, so the other side's indicator does not time out), `false` after a quiet spell or
// when the message is sent.
export interface TypingClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export const TYPING_IDLE_MS = 3_000;
/** Below the other side's display timeout (REMOTE_TYPING_TIMEOUT_MS). */
export const TYPING_REFRESH_MS = 4_000;
/** How long a typing indicator stays up without a refresh, in case `false` got lost. */
export const REMOTE_TYPING_TIMEOUT_MS = 7_000;

export interface TypingSignal {
  /** The user changed the draft. */
  input(): void;
  /** The draft was sent or abandoned: stop now. */
  stop(): void;
}

export function createTypingSignal(send: (typing: boolean) => void, clock: TypingClock): TypingSignal {
  let typing = false;
  let lastSentAt = 0;
  let idleTimer: number | undefined;

  const stop = (): void => {
    if (idleTimer !== undefined) clock.clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!typing) return;
    typing = false;
    send(false);
  };

  return {
    input() {
      const now = clock.now();
      if (!typing || now - lastSentAt >= TYPING_REFRESH_MS) {
        typing = true;
        lastSentAt = now;
        send(true);
      }
      if (idleTimer !== undefined) clock.clearTimeout(idleTimer);
      idleTimer = clock.setTimeout(stop, TYPING_IDLE_MS);
    },
    stop,
  };
}
