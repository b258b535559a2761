import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSignal, TYPING_IDLE_MS, TYPING_REFRESH_MS, type TypingClock } from './typingSignal';

const clock: TypingClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => Number(setTimeout(callback, ms)),
  clearTimeout: (handle) => clearTimeout(handle),
};

describe('createTypingSignal', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends true once when typing starts and false after a quiet spell', () => {
    const send = vi.fn();
    const signal = createTypingSignal(send, clock);
    signal.input();
    signal.input();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    signal.input();
    expect(send.mock.calls).toEqual([[true]]);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(send.mock.calls).toEqual([[true], [false]]);
  });

  it('refreshes true while typing goes on', () => {
    const send = vi.fn();
    const signal = createTypingSignal(send, clock);
    for (let elapsed = 0; elapsed <= TYPING_REFRESH_MS; elapsed += 1_000) {
      signal.input();
      vi.advanceTimersByTime(1_000);
    }
    expect(send.mock.calls).toEqual([[true], [true]]);
  });

  it('stops at once on send, and only if it had started', () => {
    const send = vi.fn();
    const signal = createTypingSignal(send, clock);
    signal.stop();
    expect(send).not.toHaveBeenCalled();
    signal.input();
    signal.stop();
    vi.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(send.mock.calls).toEqual([[true], [false]]);
  });
});
