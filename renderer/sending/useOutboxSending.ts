// A chat sending through its outbox (staff app and client page alike): a new message is stored
// on this device first and sent in order once connected; what the outbox still holds for this
// chat shows below the history, and what it delivers joins the history. Retry and Discard act
// on the outbox too: it is the one way messages are sent and sent again.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Attachment, Message } from '../../shared/domain';
import type { Outbox } from '../../shared/offline/outbox';
import type { ShownTimeline } from '../chat/timeline';
import type { useChat } from '../chat/useChat';
import { outgoingFromOutbox, type OutboxPayload } from './outgoingFromOutbox';

type Chat = ReturnType<typeof useChat>;

/** Sending options a page may offer ("Send and mark done" on the staff side). */
export interface SendOptions {
  markDone?: boolean;
}

export interface OutboxChatOptions<P extends OutboxPayload> {
  /** The queue (kept in order) and payload of a new message written in this chat. */
  entryFor(text: string, attachments: Attachment[], options: SendOptions): { queue: string; payload: P };
  /** Whether an outbox entry was written in this chat. */
  belongsHere(payload: P): boolean;
}

/** What an outbox hands on for a delivered entry: a stored message, or (staff changes) not one. */
const isMessage = (delivered: object): delivered is Message => 'author' in delivered;

export function useOutboxSending<P extends OutboxPayload, D extends object>(
  chat: Chat,
  outbox: Outbox<P, D>,
  { entryFor, belongsHere }: OutboxChatOptions<P>,
) {
  const { dispatch } = chat;
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  useEffect(
    () =>
      outbox.onDelivered(
        (delivered, entry) => isMessage(delivered) && belongsHere(entry.payload) && dispatch({ type: 'message', message: delivered }),
      ),
    [outbox, belongsHere, dispatch],
  );

  const send = useCallback(
    (text: string, attachments: Attachment[], options: SendOptions = {}) => {
      const entry = { senderMessageId: crypto.randomUUID(), ...entryFor(text, attachments, options) };
      void outbox.enqueue(entry).then(() => outbox.flush());
    },
    [outbox, entryFor],
  );
  const retry = (senderMessageId: string) => void outbox.retry(senderMessageId).then(() => outbox.flush());
  const discard = (senderMessageId: string) => void outbox.discard(senderMessageId).then(() => outbox.flush());
  const timeline = useMemo<ShownTimeline>(
    () => ({ ...chat.timeline, outgoing: outgoingFromOutbox(snapshot, belongsHere, chat.timeline.messages) }),
    [chat.timeline, snapshot, belongsHere],
  );
  return { timeline, send, retry, discard };
}
