// One conversation's stored messages for either page: the latest page once connected and again
// after every reconnect, older pages on demand. Pushes are the page's business (their shapes
// differ); it feeds them in through `dispatch`. Sending is the outbox's (renderer/sending).
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Message } from '../../shared/domain';
import type { AppError, Result } from '../../shared/result';
import { emptyTimeline, timelineReducer, type TimelineState } from './timeline';

export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}

/** How a chat reaches its conversation. Keep the object stable (useMemo) per conversation. */
export interface ChatTransport {
  loadPage(beforeId: number | undefined): Promise<Result<MessagePage>>;
  /** See SocketApi.whenConnected. */
  whenConnected(handler: () => void): () => void;
}

export function useChat(transport: ChatTransport) {
  const [timeline, dispatch] = useReducer(timelineReducer, emptyTimeline);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const latest = useRef<TimelineState>(timeline);
  useEffect(() => {
    latest.current = timeline;
  }, [timeline]);

  useEffect(() => {
    const loadLatest = async () => {
      const result = await transport.loadPage(undefined);
      if (result.ok) dispatch({ type: 'latest-page', ...result.data });
      setLoadError(result.ok ? null : result.error);
    };
    return transport.whenConnected(() => void loadLatest());
  }, [transport]);

  // A ref, not the state: several scroll events can arrive before the state re-renders.
  const olderInFlight = useRef(false);
  const loadOlder = useCallback(async () => {
    const oldest = latest.current.messages[0];
    if (!latest.current.hasOlder || !oldest || olderInFlight.current) return;
    olderInFlight.current = true;
    setLoadingOlder(true);
    const result = await transport.loadPage(oldest.id);
    if (result.ok) dispatch({ type: 'older-page', ...result.data });
    setLoadError(result.ok ? null : result.error);
    setLoadingOlder(false);
    olderInFlight.current = false;
  }, [transport]);

  return { timeline, dispatch, loadError, loadingOlder, loadOlder };
}
