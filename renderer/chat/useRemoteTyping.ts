// The other side's typing indicator. It clears itself if no refresh arrives, so a lost
// `typing: false` (or a closed app) cannot leave it up for good.
import { useCallback, useEffect, useRef, useState } from 'react';
import { REMOTE_TYPING_TIMEOUT_MS } from './typingSignal';

export function useRemoteTyping() {
  const [typingName, setTypingName] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const update = useCallback((name: string, typing: boolean) => {
    window.clearTimeout(timer.current);
    setTypingName(typing ? name : null);
    if (typing) timer.current = window.setTimeout(() => setTypingName(null), REMOTE_TYPING_TIMEOUT_MS);
  }, []);

  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    setTypingName(null);
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { typingName, updateTyping: update, clearTyping: clear };
}
