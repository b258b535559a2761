// The signed-in member's outbox: shared/offline/outbox.ts over the desktop bridge's preference
// cache (so it survives a reload or an app restart), sending with `message:send`. Tabs of the
// same member share the stored entries; the Web Locks API makes sure only one of them sends a
// given entry at a time, and the server's once-per-id rule covers anything beyond that.
import { z } from 'zod';
import type { DesktopBridge } from '../../shared/bridge';
import { attachmentSchema, idSchema, type Attachment, type Message } from '../../shared/domain';
import { createOutbox, STAFF_OUTBOX_KEY_PREFIX, type Outbox, type WithLock } from '../../shared/offline/outbox';
import { err } from '../../shared/result';
import type { StaffApi } from '../api/staffApi';

export const staffOutboxPayloadSchema = z.object({
  conversationId: idSchema,
  text: z.string(),
  /** Already uploaded; kept whole so a pending message can show their names. */
  attachments: z.array(attachmentSchema),
});
export type StaffOutboxPayload = z.infer<typeof staffOutboxPayloadSchema>;
export type StaffOutbox = Outbox<StaffOutboxPayload, Message>;

export const outboxKey = (memberId: number) => `${STAFF_OUTBOX_KEY_PREFIX}${memberId}`;

export function createStaffOutbox(options: {
  api: Pick<StaffApi, 'request'>;
  prefs: Pick<DesktopBridge, 'readPref' | 'writePref'>;
  memberId: number;
  isConnected: () => boolean;
  withLock?: WithLock;
}): StaffOutbox {
  const key = outboxKey(options.memberId);
  return createOutbox<StaffOutboxPayload, Message>({
    storage: { load: () => options.prefs.readPref(key), save: (entries) => options.prefs.writePref(key, entries) },
    payloadSchema: staffOutboxPayloadSchema,
    lockName: key,
    withLock: options.withLock,
    send(entry) {
      // socket.io would buffer it until reconnect; the outbox keeps it instead, in order.
      if (!options.isConnected()) return Promise.resolve(err('unavailable', 'Not connected.'));
      const { conversationId, text, attachments } = entry.payload;
      const attachmentIds = attachments.map((attachment: Attachment) => attachment.id);
      return options.api.request('message:send', {
        conversationId,
        clientMessageId: entry.clientMessageId,
        text,
        ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
      });
    },
  });
}
