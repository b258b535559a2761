// The client's chat with one location: history, the salon's live replies, its typing indicator
// and read receipts (only sent to us while the salon allows them, R5/R6), and sending from
// the appointment the chat was opened from through the page's outbox (clientOutbox.ts).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Attachment } from '../../shared/domain';
import { ok } from '../../shared/result';
import { describeMessageContent } from '../attachments/attachmentRules';
import { isConnectionError } from '../api/errors';
import { useChat, type ChatTransport } from '../chat/useChat';
import { useMarkRead } from '../chat/useMarkRead';
import { useRemoteTyping } from '../chat/useRemoteTyping';
import { useTypingSignal } from '../chat/useTypingSignal';
import { useOutboxSending } from '../sending/useOutboxSending';
import { useWindowFocused } from '../ui/useWindowFocused';
import type { ClientApi } from './clientApi';
import type { ClientOutbox, ClientOutboxPayload } from '../sending/clientOutbox';
import { describeClientError } from './clientErrors';
import { withoutReadState } from './clientOverview';

const PAGE_SIZE = 30;

interface ClientChatTarget {
  /** Null until the first message starts the conversation. */
  conversationId: number | null;
  /** The appointment the chat was opened from; null in a conversation the salon started. */
  appointmentId: number | null;
  locationId: number;
  locationName: string;
  readReceipts: boolean;
}

export function useClientChat(api: ClientApi, outbox: ClientOutbox, { conversationId, appointmentId, locationId, locationName, readReceipts }: ClientChatTarget) {
  const transport = useMemo<ChatTransport>(
    () => ({
      loadPage: (beforeId) =>
        conversationId === null
          ? Promise.resolve(ok({ items: [], hasMore: false }))
          : api.request('message:list', { conversationId, beforeId, limit: PAGE_SIZE }),
      whenConnected: (handler) => api.whenConnected(handler),
    }),
    [api, conversationId],
  );
  const chat = useChat(transport);
  const { dispatch } = chat;
  // The chat is the location's conversation, whichever of its appointments it was opened from.
  const entryFor = useCallback(
    (text: string, attachments: Attachment[]) => ({
      queue: `location:${locationId}`,
      payload: { appointmentId, conversationId: appointmentId === null ? conversationId : null, locationId, text, attachments },
    }),
    [appointmentId, conversationId, locationId],
  );
  const belongsHere = useCallback((payload: ClientOutboxPayload) => payload.locationId === locationId, [locationId]);
  const sending = useOutboxSending(chat, outbox, { entryFor, belongsHere });
  const { typingName, updateTyping, clearTyping } = useRemoteTyping();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (conversationId === null) return;
    const unsubscribers = [
      api.subscribe('message:created', ({ message }) => {
        if (message.conversationId !== conversationId) return;
        dispatch({ type: 'message', message });
        if (message.author.kind === 'staff') {
          clearTyping();
          setAnnouncement(`New message from ${locationName}: ${describeMessageContent(message.text, message.attachments.length)}`);
        }
      }),
      api.subscribe('conversation:read', (read) => {
        if (read.conversationId !== conversationId) return;
        dispatch({ type: 'read', authorKind: 'client', upToMessageId: read.upToMessageId, readAt: read.readAt });
      }),
      api.subscribe('typing:updated', (typing) => {
        if (typing.conversationId === conversationId) updateTyping(locationName, typing.typing);
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, conversationId, locationName, dispatch, clearTyping, updateTyping]);

  const focused = useWindowFocused();
  const markRead = useCallback(
    (upToMessageId: number) =>
      conversationId === null
        ? Promise.resolve(ok({ readAt: Date.now() }))
        : api.request('conversation:read', { conversationId, upToMessageId }),
    [api, conversationId],
  );
  useMarkRead(chat.timeline, 'staff', focused, markRead, dispatch);

  const sendTyping = useCallback(
    (typing: boolean) => {
      if (conversationId !== null) void api.request('typing:update', { conversationId, typing });
    },
    [api, conversationId],
  );
  const typingSignal = useTypingSignal(sendTyping);
  const { send: sendThroughOutbox, retry, discard, timeline } = sending;
  const send = useCallback(
    (text: string, attachments: Attachment[]) => {
      typingSignal.stop();
      sendThroughOutbox(text, attachments);
    },
    [typingSignal, sendThroughOutbox],
  );

  // Connection failures are the banner's news (and resend themselves); refusals need saying here.
  const lastFailure = timeline.outgoing.findLast(
    (message) => message.status === 'failed' && message.error !== null && !isConnectionError(message.error),
  )?.error;
  const sendError = lastFailure ? `Your message wasn't sent. ${describeClientError(lastFailure)}` : null;

  // Turned off while the page is open (R5): "Read" already shown goes too, not only new ones.
  const shownTimeline = useMemo(
    () => (readReceipts ? timeline : { ...timeline, messages: withoutReadState(timeline.messages) }),
    [readReceipts, timeline],
  );

  return { ...chat, timeline: shownTimeline, send, retry, discard, onDraftChange: typingSignal.input, typingName, announcement, sendError };
}
