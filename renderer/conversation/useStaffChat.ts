// Everything live about the open conversation for a team member: messages, pushes, typing
// both ways, read receipts and sending (also "Send and mark done"). Replies go through the member's persisted outbox
// (renderer/outbox), which sends them in order once connected; what it still holds for this
// conversation shows as pending or failed below the history.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Attachment } from '../../shared/domain';
import { describeError, isConnectionError } from '../api/errors';
import { describeMessageContent } from '../attachments/attachmentRules';
import { useChat, type ChatTransport } from '../chat/useChat';
import { useMarkRead } from '../chat/useMarkRead';
import { useCachedMessages } from '../offline/useOfflineCache';
import { useOffline } from '../offline/OfflineContext';
import type { StaffOutboxPayload } from '../sending/staffOutbox';
import { useOutboxSending, type SendOptions } from '../sending/useOutboxSending';
import { useRemoteTyping } from '../chat/useRemoteTyping';
import { useTypingSignal } from '../chat/useTypingSignal';
import { useStaff } from '../session/StaffContext';
import { useWindowFocused } from '../ui/useWindowFocused';

const PAGE_SIZE = 30;
// Someone scrolling back through a long history wants big steps: fewer waits at the top.
const OLDER_PAGE_SIZE = 100;

/** `anchorId`: open at this message (a search match) instead of the newest. `seenVersion`: the
 * conversation's triage version as shown, which "Send and mark done" was decided on. */
export function useStaffChat(conversationId: number, visible: boolean, anchorId: number | null = null, seenVersion?: number) {
  const { api, session } = useStaff();
  const transport = useMemo<ChatTransport>(
    () => ({
      loadPage: (beforeId) =>
        api.request('message:list', { conversationId, beforeId, limit: beforeId === undefined ? PAGE_SIZE : OLDER_PAGE_SIZE }),
      loadAround: (aroundId) => api.request('message:list', { conversationId, aroundId, limit: PAGE_SIZE }),
      loadNewer: (afterId) => api.request('message:list', { conversationId, afterId, limit: OLDER_PAGE_SIZE }),
      whenConnected: (handler) => api.whenConnected(handler),
    }),
    [api, conversationId],
  );
  const chat = useChat(transport, anchorId);
  const { dispatch } = chat;
  const { outbox } = useOffline();
  useCachedMessages(conversationId, chat.timeline, dispatch);
  const entryFor = useCallback(
    (text: string, attachments: Attachment[], { markDone }: SendOptions) => ({
      queue: String(conversationId),
      payload: { conversationId, text, attachments, ...(markDone ? { markDone: true, seenVersion } : {}) },
    }),
    [conversationId, seenVersion],
  );
  const belongsHere = useCallback((payload: StaffOutboxPayload) => payload.conversationId === conversationId, [conversationId]);
  const sending = useOutboxSending(chat, outbox, { entryFor, belongsHere });
  const { typingName, updateTyping, clearTyping } = useRemoteTyping();
  const [announcement, setAnnouncement] = useState('');
  const memberName = session.member.name;

  useEffect(() => {
    const unsubscribers = [
      api.subscribe('message:created', ({ message }) => {
        if (message.conversationId !== conversationId) return;
        dispatch({ type: 'message', message });
        if (message.author.kind === 'client') {
          clearTyping();
          setAnnouncement(`New message from ${message.author.name}: ${describeMessageContent(message.text, message.attachments.length)}`);
        }
      }),
      api.subscribe('conversation:read', (read) => {
        if (read.conversationId !== conversationId) return;
        // The client reading marks our messages read, and vice versa.
        const authorKind = read.reader === 'client' ? 'staff' : 'client';
        dispatch({ type: 'read', authorKind, upToMessageId: read.upToMessageId, readAt: read.readAt });
      }),
      api.subscribe('typing:updated', (typing) => {
        // Our own typing may be echoed to us; the indicator is about everyone else.
        if (typing.conversationId === conversationId && typing.name !== memberName) updateTyping(typing.name, typing.typing);
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, conversationId, dispatch, clearTyping, updateTyping, memberName]);

  const focused = useWindowFocused();
  const markRead = useCallback(
    (upToMessageId: number) => api.request('conversation:read', { conversationId, upToMessageId }),
    [api, conversationId],
  );
  useMarkRead(chat.timeline, 'client', focused && visible, markRead, dispatch);

  const sendTyping = useCallback(
    (typing: boolean) => void api.request('typing:update', { conversationId, typing }),
    [api, conversationId],
  );
  const typingSignal = useTypingSignal(sendTyping);
  const { send: sendThroughOutbox, retry, discard, timeline } = sending;
  const { jumpToLatest } = chat;
  const send = useCallback(
    (text: string, attachments: Attachment[], options: SendOptions = {}) => {
      typingSignal.stop();
      // A reply belongs below the newest messages: leave an older search match for them.
      void jumpToLatest();
      sendThroughOutbox(text, attachments, options);
    },
    [typingSignal, sendThroughOutbox, jumpToLatest],
  );
  const sendAndMarkDone = useCallback(
    (text: string, attachments: Attachment[]) => send(text, attachments, { markDone: true }),
    [send],
  );

  // Connection failures are the banner's news (and resend themselves); refusals need saying here.
  const lastFailure = timeline.outgoing.findLast(
    (message) => message.status === 'failed' && message.error !== null && !isConnectionError(message.error),
  )?.error;
  const sendError = lastFailure ? `Your message wasn't sent. ${describeError(lastFailure)}` : null;

  return { ...chat, timeline, send, sendAndMarkDone, retry, discard, onDraftChange: typingSignal.input, typingName, announcement, sendError };
}
