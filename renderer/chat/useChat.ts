// One conversation's messages for either page: the latest page once connected and again
// after every reconnect, older pages on demand, and our own messages from pending to stored. Pushes are
// the page's business (their shapes differ); it feeds them in through `dispatch`.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Attachment, Message } from '../../shared/domain';
import type { AppError, Result } from '../../shared/result';
import { isConnectionError } from '../api/errors';
import { emptyTimeline, timelineReducer, type TimelineState } from './timeline';

export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}

/** How a chat reaches its conversation. Keep the object stable (useMemo) per conversation. */
export interface ChatTransport {
  loadPage(beforeId: number | undefined): Promise<Result<MessagePage>>;
  send(clientMessageId: string, text: string, attachmentIds: number[]): Promise<Result<Message>>;
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

  const deliver = useCallback(
    async (clientMessageId: string, text: string, attachments: readonly Attachment[]) => {
      const attachmentIds = attachments.map((attachment) => attachment.id);
      const result = await transport.send(clientMessageId, text, attachmentIds);
      if (result.ok) dispatch({ type: 'message', message: result.data });
      else dispatch({ type: 'send-failed', clientMessageId, error: result.error });
    },
    [transport],
  );

  useEffect(() => {
    const loadLatest = async () => {
      const result = await transport.loadPage(undefined);
      if (result.ok) dispatch({ type: 'latest-page', ...result.data });
      setLoadError(result.ok ? null : result.error);
    };
    return transport.whenConnected(() => {
      void loadLatest();
      // Sends that failed for want of a connection go again, with the same clientMessageId,
      // so the server stores each exactly once even if the first attempt did reach it.
      for (const pending of latest.current.outgoing) {
        if (pending.status === 'failed' && pending.error && isConnectionError(pending.error)) {
          dispatch({ type: 'retry', clientMessageId: pending.clientMessageId });
          void deliver(pending.clientMessageId, pending.text, pending.attachments);
        }
      }
    });
  }, [transport, deliver]);

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

  const send = useCallback(
    (text: string, attachments: Attachment[] = []) => {
      const clientMessageId = crypto.randomUUID();
      dispatch({ type: 'send', clientMessageId, text, attachments, createdAt: Date.now() });
      void deliver(clientMessageId, text, attachments);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      const pending = latest.current.outgoing.find((message) => message.clientMessageId === clientMessageId);
      if (!pending) return;
      dispatch({ type: 'retry', clientMessageId });
      void deliver(clientMessageId, pending.text, pending.attachments);
    },
    [deliver],
  );

  const discard = useCallback((clientMessageId: string) => dispatch({ type: 'discard', clientMessageId }), []);

  return { timeline, dispatch, loadError, loadingOlder, loadOlder, send, retry, discard };
}
