// One chat's share of an outbox, as the chat shows it: pending (waiting for the connection or
// its turn), sending, or failed with the server's refusal. An entry whose message is already in
// the history (another tab sent it, or the push beat the ack) shows only once.
import type { Attachment, Message } from '../../shared/domain';
import type { OutboxSnapshot } from '../../shared/offline/outbox';
import type { OutgoingMessage } from '../chat/timeline';

/** What every outbox reply carries for the chat to show it. */
export type ShownPayload = { text: string; attachments: Attachment[] };
/** Entries that are not replies (the staff outbox's conversation changes and notes) are not shown as messages. */
export type OutboxPayload = ShownPayload | { change: unknown } | { note: unknown };

const isShown = (payload: OutboxPayload): payload is ShownPayload => 'text' in payload;

export function outgoingFromOutbox<P extends OutboxPayload>(
  snapshot: OutboxSnapshot<P>,
  belongsHere: (payload: P) => boolean,
  stored: readonly Message[],
): OutgoingMessage[] {
  const settled = new Set(stored.map((message) => message.senderMessageId));
  return snapshot.entries.flatMap((entry) => {
    const { payload } = entry;
    if (!isShown(payload) || !belongsHere(payload) || settled.has(entry.senderMessageId)) return [];
    return [
      {
        senderMessageId: entry.senderMessageId,
        text: payload.text,
        attachments: payload.attachments,
        createdAt: entry.createdAt,
        status: entry.state === 'failed' ? 'failed' : snapshot.inFlight === entry.senderMessageId ? 'sending' : 'pending',
        error: entry.error,
      } satisfies OutgoingMessage,
    ];
  });
}
