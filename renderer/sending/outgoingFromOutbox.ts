// One chat's share of an outbox, as the chat shows it: pending (waiting for the connection or
// its turn), sending, or failed with the server's refusal. An entry whose message is already in
// the history (another tab sent it, or the push beat the ack) shows only once.
import type { Attachment, Message } from '../../shared/domain';
import type { OutboxSnapshot } from '../../shared/offline/outbox';
import type { OutgoingMessage } from '../chat/timeline';

/** What every outbox payload carries for the chat to show it. */
export type ShownPayload = { text: string; attachments: Attachment[] };

export function outgoingFromOutbox<P extends ShownPayload>(
  snapshot: OutboxSnapshot<P>,
  belongsHere: (payload: P) => boolean,
  stored: readonly Message[],
): OutgoingMessage[] {
  const settled = new Set(stored.map((message) => message.clientMessageId));
  return snapshot.entries
    .filter((entry) => belongsHere(entry.payload) && !settled.has(entry.clientMessageId))
    .map((entry) => ({
      clientMessageId: entry.clientMessageId,
      text: entry.payload.text,
      attachments: entry.payload.attachments,
      createdAt: entry.createdAt,
      status: entry.state === 'failed' ? 'failed' : snapshot.inFlight === entry.clientMessageId ? 'sending' : 'pending',
      error: entry.error,
    }));
}
