// A chat sending through a persisted outbox (staff app and client page alike): a new message is
// stored on this device first and sent in order once connected; what the outbox still holds for
// this chat shows below the history, and what it delivers joins the history. If the device
// refuses to store it (a full or size-limited store), the chat's in-memory sending takes over,
// which still resends on reconnect while the page stays open.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Attachment, Message } from '../../shared/domain';
import type { Outbox } from '../../shared/offline/outbox';
import type { useChat } from '../chat/useChat';
import { outgoingFromOutbox, type ShownPayload } from './outgoingFromOutbox';

type Chat = ReturnType<typeof useChat>;

export interface OutboxChatOptions<P extends ShownPayload> {
  /** The queue (kept in order) and payload of a new message written in this chat. */
  entryFor(text: string, attachments: Attachment[]): { queue: string; payload: P };
  /** Whether an outbox entry was written in this chat. */
  belongsHere(payload: P): boolean;
}

export function useOutboxSending<P extends ShownPayload>(chat: Chat, outbox: Outbox<P, Message>, { entryFor, belongsHere }: OutboxChatOptions<P>) {
  const { dispatch, send: sendInMemory, retry: retryInMemory, discard: discardInMemory } = chat;
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  useEffect(
    () => outbox.onDelivered((message, entry) => belongsHere(entry.payload) && dispatch({ type: 'message', message })),
    [outbox, belongsHere, dispatch],
  );

  const send = useCallback(
    (text: string, attachments: Attachment[]) => {
      const entry = { clientMessageId: crypto.randomUUID(), ...entryFor(text, attachments) };
      outbox.enqueue(entry).then(
        () => void outbox.flush(),
        () => sendInMemory(text, attachments),
      );
    },
    [outbox, entryFor, sendInMemory],
  );
  const inOutbox = (clientMessageId: string) => snapshot.entries.some((entry) => entry.clientMessageId === clientMessageId);
  const retry = (clientMessageId: string) =>
    inOutbox(clientMessageId) ? void outbox.retry(clientMessageId).then(() => outbox.flush()) : retryInMemory(clientMessageId);
  const discard = (clientMessageId: string) =>
    inOutbox(clientMessageId) ? void outbox.discard(clientMessageId).then(() => outbox.flush()) : discardInMemory(clientMessageId);
  const timeline = useMemo(
    () => ({ ...chat.timeline, outgoing: [...chat.timeline.outgoing, ...outgoingFromOutbox(snapshot, belongsHere, chat.timeline.messages)] }),
    [chat.timeline, snapshot, belongsHere],
  );
  return { timeline, send, retry, discard };
}
