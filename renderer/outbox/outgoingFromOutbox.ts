// The open conversation's share of the outbox, as the chat shows it: pending (waiting for the
// connection or its turn), sending, or failed with the server's refusal. An entry whose message
// is already in the history (another tab sent it, or the push beat the ack) shows only once.
import type { Message } from '../../shared/domain';
import type { OutboxSnapshot } from '../../shared/offline/outbox';
import type { OutgoingMessage } from '../chat/timeline';
import type { StaffOutboxPayload } from './staffOutbox';

export function outgoingFromOutbox(
  snapshot: OutboxSnapshot<StaffOutboxPayload>,
  conversationId: number,
  stored: readonly Message[],
): OutgoingMessage[] {
  const settled = new Set(stored.map((message) => message.clientMessageId));
  return snapshot.entries
    .filter((entry) => entry.payload.conversationId === conversationId && !settled.has(entry.clientMessageId))
    .map((entry) => ({
      clientMessageId: entry.clientMessageId,
      text: entry.payload.text,
      attachments: entry.payload.attachments,
      createdAt: entry.createdAt,
      status: entry.state === 'failed' ? 'failed' : snapshot.inFlight === entry.clientMessageId ? 'sending' : 'pending',
      error: entry.error,
    }));
}
