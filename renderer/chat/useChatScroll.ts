// Scroll behaviour of a chat: start at the newest message, follow new ones while the reader is
// at the bottom (always for our own), keep the view still when older messages are prepended,
// and ask for older ones when the reader reaches the top. Opened at an older message (a search
// match), it asks for newer ones at the bottom and keeps still as they are appended.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const EDGE_PX = 48;

interface ChatScrollInput {
  firstId: number | undefined;
  /** Changes whenever something is appended at the bottom. */
  lastKey: string | undefined;
  /** The newest entry is ours: bring it into view even if the reader had scrolled up. */
  lastIsOwn: boolean;
  canLoadOlder: boolean;
  onReachTop: () => void;
  /** Newer messages exist beyond the newest shown (opened at an older message). */
  hasNewer?: boolean;
  onReachBottom?: () => void;
}

export function useChatScroll(ref: RefObject<HTMLElement | null>, input: ChatScrollInput) {
  const { firstId, lastKey, lastIsOwn, canLoadOlder, onReachTop, hasNewer = false, onReachBottom } = input;
  const atBottom = useRef(true);
  const distanceFromBottom = useRef(0);
  const previous = useRef<{ firstId: number | undefined; lastKey: string | undefined; hasNewer: boolean }>({
    firstId: undefined,
    lastKey: undefined,
    hasNewer: false,
  });

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    distanceFromBottom.current = element.scrollHeight - element.scrollTop;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < EDGE_PX;
    if (element.scrollTop < EDGE_PX && canLoadOlder) onReachTop();
    if (atBottom.current && hasNewer) onReachBottom?.();
  }, [ref, canLoadOlder, onReachTop, hasNewer, onReachBottom]);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const before = previous.current;
    previous.current = { firstId, lastKey, hasNewer };
    const prepended = before.firstId !== undefined && firstId !== undefined && firstId < before.firstId;
    // A page of newer messages below an older one: the reader scrolls on into it themselves.
    const appendedNewerPage = before.hasNewer && firstId === before.firstId;
    if (prepended) {
      element.scrollTop = element.scrollHeight - distanceFromBottom.current;
    } else if (lastKey !== before.lastKey && !appendedNewerPage && (atBottom.current || lastIsOwn)) {
      element.scrollTop = element.scrollHeight;
      atBottom.current = true;
    }
    distanceFromBottom.current = element.scrollHeight - element.scrollTop;
  }, [ref, firstId, lastKey, lastIsOwn, hasNewer]);

  // The history's own box shrinks when the composer grows (attachment chips, an error) or the
  // offline banner appears; no scroll event says so, so a reader at the bottom would lose the
  // newest message under the new edge. Stay pinned to the bottom through it.
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (!atBottom.current) return;
      element.scrollTop = element.scrollHeight;
      distanceFromBottom.current = element.scrollHeight - element.scrollTop;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  /** Rows measured after rendering (a virtualised list) may grow the history: stay at the
   * bottom if that is where the reader was. */
  const keepAtBottom = useCallback(() => {
    const element = ref.current;
    if (!element || !atBottom.current) return;
    element.scrollTop = element.scrollHeight;
    distanceFromBottom.current = element.scrollHeight - element.scrollTop;
  }, [ref]);

  /** Something else placed the view (a search match scrolled into view): stop following the bottom. */
  const holdPosition = useCallback(() => {
    atBottom.current = false;
  }, []);

  return { onScroll, keepAtBottom, holdPosition };
}
