// The client page's outbox: shared/offline/outbox.ts over localStorage, so a message written
// while the connection is down survives a reload or a closed tab and is sent, exactly once, the
// next time the page is online. Tabs of the same client share it; the Web Locks API lets one
// of them send a given entry at a time, and the server's once-per-id rule covers the rest.
import { z } from 'zod';
import { attachmentSchema, idSchema, type Message } from '../../shared/domain';
import { createOutbox, type Outbox, type WithLock } from '../../shared/offline/outbox';
import { err, type AppError } from '../../shared/result';
import { withAttachments } from './withAttachments';
import type { PrefsStore } from '../desktop/prefsStore';
import type { ClientApi } from '../client/clientApi';

export const clientOutboxPayloadSchema = z.object({
  /** The appointment the chat was opened from (the server finds or starts its conversation), or
   * null in a conversation the salon started where the client has no appointment. */
  appointmentId: idSchema.nullable(),
  /** That conversation, when there is no appointment (absent in entries stored before). */
  conversationId: idSchema.nullable().optional(),
  /** Its location: one conversation (and one queue, kept in order) per location. */
  locationId: idSchema,
  text: z.string(),
  attachments: z.array(attachmentSchema),
});
export type ClientOutboxPayload = z.infer<typeof clientOutboxPayloadSchema>;
export type ClientOutbox = Outbox<ClientOutboxPayload, Message>;

export const clientOutboxKey = (clientId: number) => `outbox:c${clientId}`;

export function createClientOutbox(options: {
  api: Pick<ClientApi, 'request'>;
  store: PrefsStore;
  clientId: number;
  isConnected: () => boolean;
  withLock?: WithLock;
}): ClientOutbox {
  const key = clientOutboxKey(options.clientId);
  const outbox = createOutbox<ClientOutboxPayload, Message>({
    storage: {
      load: () => Promise.resolve(options.store.read(key)),
      // A full localStorage throws: the caller then sends from memory instead.
      save: (entries) => Promise.resolve().then(() => options.store.write(key, entries)),
    },
    payloadSchema: clientOutboxPayloadSchema,
    lockName: key,
    withLock: options.withLock,
    send(entry) {
      if (!options.isConnected()) return Promise.resolve(err('unavailable', 'Not connected.'));
      const { appointmentId, conversationId, text, attachments } = entry.payload;
      return options.api.request('message:send', {
        ...(appointmentId !== null ? { appointmentId } : { conversationId: conversationId ?? undefined }),
        senderMessageId: entry.senderMessageId,
        text,
        ...withAttachments(attachments.map((attachment) => attachment.id)),
      });
    },
  });
  // Sending too fast is refused with the wait; the entry stays pending and is sent again once
  // the wait is over, instead of only at the next reconnect or message.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    const outcome = await outbox.flush();
    const retryAfterMs = retryAfterOf(outcome.stoppedBy);
    if (retryAfterMs !== null && retryTimer === undefined) {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void flush();
      }, retryAfterMs);
    }
    return outcome;
  };
  return { ...outbox, flush };
}

function retryAfterOf(error: AppError | null): number | null {
  if (error?.code !== 'rate_limited') return null;
  const retryAfterMs = (error.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof retryAfterMs === 'number' && retryAfterMs > 0 ? Math.min(retryAfterMs, 60_000) : null;
}
