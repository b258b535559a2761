// A chat sending through its outbox (staff app and client page alike): a new message is stored
// on this device first and sent in order once connected; what the outbox still holds for this
// chat shows below the history, and what it delivers joins the history. Retry and Discard act
// on the outbox too: it is the one way messages are sent and sent again.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Attachment, Message } from '../../shared/domain';
import type { Outbox } from '../../shared/offline/outbox';
import type { ShownTimeline } from '../chat/timeline';
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
  const { dispatch } = chat;
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  useEffect(
    () => outbox.onDelivered((message, entry) => belongsHere(entry.payload) && dispatch({ type: 'message', message })),
    [outbox, belongsHere, dispatch],
  );

  const send = useCallback(
    (text: string, attachments: Attachment[]) => {
      const entry = { clientMessageId: crypto.randomUUID(), ...entryFor(text, attachments) };
      void outbox.enqueue(entry).then(() => outbox.flush());
    },
    [outbox, entryFor],
  );
  const retry = (clientMessageId: string) => void outbox.retry(clientMessageId).then(() => outbox.flush());
  const discard = (clientMessageId: string) => void outbox.discard(clientMessageId).then(() => outbox.flush());
  const timeline = useMemo<ShownTimeline>(
    () => ({ ...chat.timeline, outgoing: outgoingFromOutbox(snapshot, belongsHere, chat.timeline.messages) }),
    [chat.timeline, snapshot, belongsHere],
  );
  return { timeline, send, retry, discard };
}
