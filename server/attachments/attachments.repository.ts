// Uploaded attachments: metadata in `attachments`, bytes in `attachment_contents`. An upload
// belongs to its sender until it is sent with one of their messages; then it belongs to that
// message's conversation.
import type { Database } from 'better-sqlite3';
import type { Attachment } from '../../shared/domain';

export type AttachmentContentType = Attachment['contentType'];

export type NewAttachment = {
  senderKey: string;
  name: string;
  contentType: AttachmentContentType;
  bytes: Buffer;
  createdAt: number;
};

/** What authorization needs: who uploaded it and, once sent, where it was sent. */
export type AttachmentRecord = Attachment & {
  senderKey: string;
  /** Null while the upload has not been sent with a message. */
  conversation: { id: number; clientId: number; locationId: number } | null;
};

type AttachmentRow = { id: number; name: string; content_type: AttachmentContentType; size: number };
type RecordRow = AttachmentRow & {
  sender_key: string;
  conversation_id: number | null;
  client_id: number | null;
  location_id: number | null;
};

export const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  name: row.name,
  contentType: row.content_type,
  size: row.size,
});

/** The attachments of several messages in message and position order (attachments_by_message). */
export const ATTACHMENTS_OF_MESSAGES_SQL = `SELECT message_id, id, name, content_type, size FROM attachments
  WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY message_id, position`;

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;

export function createAttachmentRepository(db: Database) {
  const insertAttachment = db.prepare<Omit<NewAttachment, 'bytes'> & { size: number }>(
    `INSERT INTO attachments (sender_key, name, content_type, size, created_at)
     VALUES (:senderKey, :name, :contentType, :size, :createdAt)`,
  );
  const insertContents = db.prepare<[number, Buffer]>(
    'INSERT INTO attachment_contents (attachment_id, bytes) VALUES (?, ?)',
  );
  const selectRecord = db.prepare<[number], RecordRow>(
    `SELECT a.id, a.name, a.content_type, a.size, a.sender_key,
            c.id AS conversation_id, c.client_id, c.location_id
       FROM attachments a
       LEFT JOIN messages m ON m.id = a.message_id
       LEFT JOIN conversations c ON c.id = m.conversation_id
      WHERE a.id = ?`,
  );
  const selectContents = db.prepare<[number], { bytes: Buffer }>(
    'SELECT bytes FROM attachment_contents WHERE attachment_id = ?',
  );
  const selectUnattached = db.prepare<[string, string], { id: number }>(
    `SELECT id FROM attachments
      WHERE id IN (SELECT value FROM json_each(?)) AND sender_key = ? AND message_id IS NULL`,
  );
  const countUnattached = db.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM attachments WHERE sender_key = ? AND message_id IS NULL',
  );
  const attachOne = db.prepare<{ id: number; senderKey: string; messageId: number; position: number }>(
    `UPDATE attachments SET message_id = :messageId, position = :position
      WHERE id = :id AND sender_key = :senderKey AND message_id IS NULL`,
  );
  const deleteUnattachedBefore = db.prepare<[number]>(
    'DELETE FROM attachments WHERE message_id IS NULL AND created_at < ?',
  );
  const selectStoredBytes = db.prepare<[], { total_bytes: number }>('SELECT total_bytes FROM attachment_storage WHERE id = 1');
  const selectUploadedSince = db.prepare<[string, number], { bytes: number; oldest: number | null }>(
    `SELECT total(size) AS bytes, min(created_at) AS oldest FROM attachments
      WHERE sender_key = ? AND created_at > ?`,
  );

  return {
    create(attachment: NewAttachment): Attachment {
      return db.transaction(() => {
        const { bytes, ...metadata } = attachment;
        const id = Number(insertAttachment.run({ ...metadata, size: bytes.length }).lastInsertRowid);
        insertContents.run(id, bytes);
        return { id, name: attachment.name, contentType: attachment.contentType, size: bytes.length };
      })();
    },
    findById(id: number): AttachmentRecord | null {
      const row = selectRecord.get(id);
      if (!row) return null;
      const conversation =
        row.conversation_id === null || row.client_id === null || row.location_id === null
          ? null
          : { id: row.conversation_id, clientId: row.client_id, locationId: row.location_id };
      return { ...toAttachment(row), senderKey: row.sender_key, conversation };
    },
    contents(id: number): Buffer | null {
      return selectContents.get(id)?.bytes ?? null;
    },
    /** Which of these ids are this sender's uploads that have not been sent yet. */
    unattachedOf(senderKey: string, ids: readonly number[]): Set<number> {
      return new Set(selectUnattached.all(JSON.stringify(ids), senderKey).map((row) => row.id));
    },
    unattachedCount(senderKey: string): number {
      return countUnattached.get(senderKey)?.count ?? 0;
    },
    /** Attaches the sender's uploads to a message in the given order. Call inside the
     * transaction that stores the message; throws if any upload is not attachable. */
    attach(messageId: number, senderKey: string, ids: readonly number[]): void {
      ids.forEach((id, position) => {
        if (attachOne.run({ id, senderKey, messageId, position }).changes !== 1) {
          throw new Error(`Attachment ${id} is not an unsent upload of ${senderKey}.`);
        }
      });
    },
    /** Bytes of every stored attachment, sent or not (a running total kept by triggers). */
    storedBytes(): number {
      return selectStoredBytes.get()?.total_bytes ?? 0;
    },
    /** What one sender uploaded after `since` (sent or not), and when the oldest of it was. */
    uploadedSince(senderKey: string, since: number): { bytes: number; oldest: number | null } {
      return selectUploadedSince.get(senderKey, since) ?? { bytes: 0, oldest: null };
    },
    /** Deletes uploads never sent with a message (bytes go with them by cascade). */
    purgeUnattachedBefore(cutoff: number): number {
      return deleteUnattachedBefore.run(cutoff).changes;
    },
  };
}
