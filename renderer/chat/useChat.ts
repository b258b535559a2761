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

/** A page that may stop short of the newest message. */
export interface MessageWindow extends MessagePage {
  hasNewer?: boolean | undefined;
}

/** How a chat reaches its conversation. Keep the object stable (useMemo) per conversation. */
export interface ChatTransport {
  loadPage(beforeId: number | undefined): Promise<Result<MessagePage>>;
  /** The page around a message, and newer pages after one (staff: opening a search match). */
  loadAround?(messageId: number): Promise<Result<MessageWindow>>;
  loadNewer?(afterId: number): Promise<Result<MessageWindow>>;
  /** See SocketApi.whenConnected. */
  whenConnected(handler: () => void): () => void;
}

/** `anchorId`: open at this message (with the messages around it) instead of the newest. */
export function useChat(transport: ChatTransport, anchorId: number | null = null) {
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
    let anchorShown = false;
    const loadAround = async (messageId: number, around: NonNullable<ChatTransport['loadAround']>) => {
      const result = await around(messageId);
      if (result.ok) {
        anchorShown = true;
        dispatch({ type: 'window-page', ...result.data, hasNewer: result.data.hasNewer ?? false });
      }
      setLoadError(result.ok ? null : result.error);
    };
    // Opened at a message: the page around it first (whatever the offline copy showed before);
    // on a reconnect while still held there, what was missed arrives with the newer pages as
    // the reader scrolls down.
    return transport.whenConnected(() => {
      if (anchorId !== null && transport.loadAround && !anchorShown) void loadAround(anchorId, transport.loadAround);
      else if (!latest.current.hasNewer) void loadLatest();
    });
  }, [transport, anchorId]);

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

  const newerInFlight = useRef(false);
  const [loadingNewer, setLoadingNewer] = useState(false);
  const loadNewer = useCallback(async () => {
    const newest = latest.current.messages.at(-1);
    if (!latest.current.hasNewer || !newest || !transport.loadNewer || newerInFlight.current) return;
    newerInFlight.current = true;
    setLoadingNewer(true);
    const result = await transport.loadNewer(newest.id);
    if (result.ok) dispatch({ type: 'newer-page', items: result.data.items, hasNewer: result.data.hasNewer ?? false });
    setLoadError(result.ok ? null : result.error);
    setLoadingNewer(false);
    newerInFlight.current = false;
  }, [transport]);

  /** Leaves an older message for the newest ones (e.g. before sending). */
  const jumpToLatest = useCallback(async () => {
    if (!latest.current.hasNewer) return;
    const result = await transport.loadPage(undefined);
    if (result.ok) dispatch({ type: 'latest-page', ...result.data });
  }, [transport]);

  return { timeline, dispatch, loadError, loadingOlder, loadOlder, loadingNewer, loadNewer, jumpToLatest };
}
