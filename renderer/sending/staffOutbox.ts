// The signed-in member's outbox: shared/offline/outbox.ts over the desktop bridge's preference
// cache (so it survives a reload or an app restart). It carries two kinds of entries in one
// order: replies (`message:send`, with "mark done" when asked), changes of a conversation's
// status, snooze or assignment (renderer/sending/triageChanges.ts) and internal notes
// (renderer/notes/queuedNote.ts), so what a member did
// offline reaches the server in the order they did it. Tabs of the same member share the
// stored entries; the Web Locks API makes sure only one of them sends a given entry at a time,
// and the server's once-per-id rule covers anything beyond that.
import { z } from 'zod';
import type { DesktopBridge } from '../../shared/bridge';
import { attachmentSchema, idSchema, type Attachment, type Message } from '../../shared/domain';
import { createOutbox, STAFF_OUTBOX_KEY_PREFIX, type Outbox, type OutboxEntry, type WithLock } from '../../shared/offline/outbox';
import type { Result } from '../../shared/result';
import type { StaffApi } from '../api/staffApi';
import { createConflictNotices, type ConflictNotices } from './conflictNotices';
import { queuedChangeSchema, type QueuedChange } from './queuedChange';
import { isQueuedNote, queuedNoteSchema, sendNote, type NoteAck } from '../notes/queuedNote';
import { createOwnVersions, notConnected, sendChange, type ChangeAck } from './triageChanges';

export const staffReplyPayloadSchema = z.object({
  conversationId: idSchema,
  text: z.string(),
  /** Already uploaded; kept whole so a pending message can show their names. */
  attachments: z.array(attachmentSchema),
  /** "Send and mark done": the conversation is Done once the reply is stored. */
  markDone: z.boolean().optional(),
  /** With markDone: the conversation's version the member saw (changes queued after it build on it). */
  seenVersion: z.number().int().nonnegative().optional(),
});
export type StaffReplyPayload = z.infer<typeof staffReplyPayloadSchema>;

/** Entries stored before changes existed are replies and still read as such. */
export const staffOutboxPayloadSchema = z.union([staffReplyPayloadSchema, queuedChangeSchema, queuedNoteSchema]);
export type StaffOutboxPayload = z.infer<typeof staffOutboxPayloadSchema>;

export const isQueuedChange = (payload: StaffOutboxPayload): payload is QueuedChange => 'change' in payload;

/** What a delivered entry produced: the stored reply, how a change went, or the stored note. */
export type StaffOutboxAck = Message | ChangeAck | NoteAck;
export const isStoredMessage = (ack: StaffOutboxAck): ack is Message => 'author' in ack;

export type StaffOutbox = Outbox<StaffOutboxPayload, StaffOutboxAck> & {
  /** Changes refused because someone else's reached the server first, for the member to read. */
  conflicts: ConflictNotices;
};

export const outboxKey = (memberId: number) => `${STAFF_OUTBOX_KEY_PREFIX}${memberId}`;

export function createStaffOutbox(options: {
  api: Pick<StaffApi, 'request'>;
  prefs: Pick<DesktopBridge, 'readPref' | 'writePref'>;
  memberId: number;
  isConnected: () => boolean;
  withLock?: WithLock;
}): StaffOutbox {
  const { api } = options;
  const key = outboxKey(options.memberId);
  const conflicts = createConflictNotices(options.prefs, options.memberId);
  const versions = createOwnVersions();

  const sendReply = async (entry: OutboxEntry<StaffReplyPayload>): Promise<Result<Message>> => {
    const { conversationId, text, attachments, markDone, seenVersion } = entry.payload;
    const attachmentIds = attachments.map((attachment: Attachment) => attachment.id);
    const result = await api.request('message:send', {
      conversationId,
      senderMessageId: entry.senderMessageId,
      text,
      ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
      ...(markDone ? { markDone: true } : {}),
    });
    if (result.ok && markDone && seenVersion !== undefined) versions.moved(conversationId, seenVersion, 'unknown');
    return result;
  };

  const outbox = createOutbox<StaffOutboxPayload, StaffOutboxAck>({
    storage: { load: () => options.prefs.readPref(key), save: (entries) => options.prefs.writePref(key, entries) },
    payloadSchema: staffOutboxPayloadSchema,
    lockName: key,
    withLock: options.withLock,
    send(entry) {
      // socket.io would buffer it until reconnect; the outbox keeps it instead, in order.
      if (!options.isConnected()) return notConnected();
      const { payload } = entry;
      if (isQueuedNote(payload)) return sendNote(api, entry.senderMessageId, payload);
      return isQueuedChange(payload)
        ? sendChange(api, { ...entry, payload }, versions, conflicts)
        : sendReply({ ...entry, payload });
    },
  });
  return { ...outbox, conflicts };
}
