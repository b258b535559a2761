// Our own typing state for the other side, stopped when the chat closes.
import { useEffect, useMemo } from 'react';
import { createTypingSignal, type TypingSignal } from './typingSignal';

const browserClock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms),
  clearTimeout: (handle: number) => window.clearTimeout(handle),
};

export function useTypingSignal(send: (typing: boolean) => void): TypingSignal {
  const signal = useMemo(() => createTypingSignal(send, browserClock), [send]);
  useEffect(() => () => signal.stop(), [signal]);
  return signal;
}
