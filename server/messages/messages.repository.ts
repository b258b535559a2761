// Messages: storing one exactly once per sender request, and paging a conversation's history.
import type { Database } from 'better-sqlite3';
import type { Attachment, Message, MessageAuthor } from '../../shared/domain';
import { ATTACHMENTS_OF_MESSAGES_SQL, toAttachment, type AttachmentContentType } from '../attachments/attachments.repository';

/** Who sends: the id that scopes their sender message ids. */
export type Sender = { kind: 'client'; clientId: number } | { kind: 'staff'; memberId: number };

export type NewMessage = {
  conversationId: number;
  sender: Sender;
  senderMessageId: string;
  appointmentId: number | null;
  text: string;
  createdAt: number;
  /** The after-hours reply the server sends on the salon's behalf. */
  automatic?: boolean;
};

/** `existing` when this sender already sent a message with this sender message id. */
export type AppendOutcome = { kind: 'created'; message: Message } | { kind: 'existing'; message: Message };

export type MessagePage = { items: Message[]; hasMore: boolean };
/** A page that may end before the newest message: `hasNewer` says whether it does. */
export type MessageWindow = MessagePage & { hasNewer: boolean };

type MessageRow = {
  id: number;
  conversation_id: number;
  sender_message_id: string;
  author_kind: 'client' | 'staff';
  author_client_id: number | null;
  author_member_id: number | null;
  author_name: string | null;
  appointment_id: number | null;
  text: string;
  created_at: number;
  read_at: number | null;
  automatic: number;
};

const MESSAGE_SELECT = `SELECT m.id, m.conversation_id, m.sender_message_id, m.author_kind,
    m.author_client_id, m.author_member_id, coalesce(cl.name, tm.name) AS author_name,
    m.appointment_id, m.text, m.created_at, m.read_at, m.automatic
  FROM messages m
  LEFT JOIN clients cl ON cl.id = m.author_client_id
  LEFT JOIN team_members tm ON tm.id = m.author_member_id`;

/** One page of history, newest first: walks messages_by_conversation backwards. */
export const MESSAGE_PAGE_SQL = `${MESSAGE_SELECT}
  WHERE m.conversation_id = :conversationId AND m.id < :beforeId
  ORDER BY m.id DESC
  LIMIT :limit`;

/** Newer messages, oldest first: walks messages_by_conversation forwards. */
export const MESSAGE_PAGE_AFTER_SQL = `${MESSAGE_SELECT}
  WHERE m.conversation_id = :conversationId AND m.id > :afterId
  ORDER BY m.id ASC
  LIMIT :limit`;

function toAuthor(row: MessageRow): MessageAuthor {
  const name = row.author_name ?? '';
  if (row.author_kind === 'client' && row.author_client_id !== null) {
    return { kind: 'client', clientId: row.author_client_id, name };
  }
  if (row.author_kind === 'staff' && row.author_member_id !== null) {
    return { kind: 'staff', memberId: row.author_member_id, name };
  }
  // The table's CHECK constraints make this unreachable.
  throw new Error(`Message ${row.id} has no author.`);
}

type AttachmentOfMessageRow = { message_id: number; id: number; name: string; content_type: AttachmentContentType; size: number };

function toMessage(row: MessageRow, attachments: Attachment[] = []): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    senderMessageId: row.sender_message_id,
    author: toAuthor(row),
    appointmentId: row.appointment_id,
    text: row.text,
    attachments,
    createdAt: row.created_at,
    readAt: row.read_at,
    // Present only when set, so every other message keeps its shape.
    ...(row.automatic === 1 ? { automatic: true as const } : {}),
  };
}

export const senderKey = (sender: Sender) =>
  sender.kind === 'client' ? `c:${sender.clientId}` : `m:${sender.memberId}`;

export type MessageRepository = ReturnType<typeof createMessageRepository>;

export function createMessageRepository(db: Database) {
  const selectById = db.prepare<[number], MessageRow>(`${MESSAGE_SELECT} WHERE m.id = ?`);
  const selectBySenderRequest = db.prepare<[string, string], MessageRow>(
    `${MESSAGE_SELECT} WHERE m.sender_key = ? AND m.sender_message_id = ?`,
  );
  const selectPage = db.prepare<{ conversationId: number; beforeId: number; limit: number }, MessageRow>(
    MESSAGE_PAGE_SQL,
  );
  const selectAfter = db.prepare<{ conversationId: number; afterId: number; limit: number }, MessageRow>(MESSAGE_PAGE_AFTER_SQL);
  const selectAttachments = db.prepare<[string], AttachmentOfMessageRow>(ATTACHMENTS_OF_MESSAGES_SQL);
  const selectInConversation = db.prepare<[number, number], { id: number }>(
    'SELECT id FROM messages WHERE id = ? AND conversation_id = ?',
  );
  const insertMessage = db.prepare<{
    conversationId: number;
    authorKind: 'client' | 'staff';
    clientId: number | null;
    memberId: number | null;
    senderMessageId: string;
    appointmentId: number | null;
    text: string;
    createdAt: number;
    automatic: number;
  }>(
    `INSERT INTO messages (conversation_id, author_kind, author_client_id, author_member_id,
                           sender_message_id, appointment_id, text, created_at, automatic)
     VALUES (:conversationId, :authorKind, :clientId, :memberId, :senderMessageId, :appointmentId, :text, :createdAt, :automatic)`,
  );
  // A client message counts as unread for the business and remembers its appointment; a staff
  // message counts as unread for the client.
  const touchConversation = db.prepare<{
    conversationId: number;
    messageId: number;
    createdAt: number;
    fromClient: number;
    appointmentId: number | null;
  }>(
    `UPDATE conversations
        SET last_activity_at = max(last_activity_at, :createdAt),
            last_message_id = :messageId,
            last_appointment_id = CASE WHEN :fromClient = 1 AND :appointmentId IS NOT NULL
                                       THEN :appointmentId ELSE last_appointment_id END,
            unread_count = unread_count + :fromClient,
            client_unread_count = client_unread_count + (1 - :fromClient)
      WHERE id = :conversationId`,
  );

  /** Maps rows to messages with their attachments, in one query for the whole batch. */
  function withAttachments(rows: MessageRow[]): Message[] {
    if (rows.length === 0) return [];
    const byMessage = new Map<number, Attachment[]>();
    for (const attachment of selectAttachments.all(JSON.stringify(rows.map((row) => row.id)))) {
      const list = byMessage.get(attachment.message_id) ?? [];
      list.push(toAttachment(attachment));
      byMessage.set(attachment.message_id, list);
    }
    return rows.map((row) => toMessage(row, byMessage.get(row.id)));
  }
  const one = (row: MessageRow | undefined): Message | null => (row ? (withAttachments([row])[0] ?? null) : null);

  /** Inserts a message whose sender message id is unused and moves its conversation's
   * counters; the caller's transaction makes the two one unit. */
  function insert(message: NewMessage): Message {
    const fromClient = message.sender.kind === 'client';
    const id = Number(
      insertMessage.run({
        conversationId: message.conversationId,
        authorKind: message.sender.kind,
        clientId: message.sender.kind === 'client' ? message.sender.clientId : null,
        memberId: message.sender.kind === 'staff' ? message.sender.memberId : null,
        senderMessageId: message.senderMessageId,
        appointmentId: message.appointmentId,
        text: message.text,
        createdAt: message.createdAt,
        automatic: Number(message.automatic ?? false),
      }).lastInsertRowid,
    );
    touchConversation.run({
      conversationId: message.conversationId,
      messageId: id,
      createdAt: message.createdAt,
      fromClient: Number(fromClient),
      appointmentId: message.appointmentId,
    });
    const stored = selectById.get(id);
    if (!stored) throw new Error(`Message ${id} vanished inside its own transaction.`);
    return toMessage(stored);
  }

  const append = db.transaction((message: NewMessage): AppendOutcome => {
    const existing = one(selectBySenderRequest.get(senderKey(message.sender), message.senderMessageId));
    if (existing) return { kind: 'existing', message: existing };
    return { kind: 'created', message: insert(message) };
  });

  return {
    /** The message this sender already sent with this sender message id, if any. */
    findSent(sender: Sender, senderMessageId: string): Message | null {
      return one(selectBySenderRequest.get(senderKey(sender), senderMessageId));
    },
    findById(id: number): Message | null {
      return one(selectById.get(id));
    },
    /** Stores the message unless this sender already sent this sender message id. The new
     * message has no attachments yet: attach them in the same transaction, then read it back. */
    append(message: NewMessage): AppendOutcome {
      return append(message);
    },
    /** `append` for the send path, which has just looked the sender message id up itself
     * (findSent) inside the same transaction: no second lookup and no savepoint of its own. It
     * refuses to run outside a transaction, where a throw could leave half a message behind. */
    appendChecked(message: NewMessage): Message {
      if (!db.inTransaction) throw new Error('appendChecked must run inside the send\'s transaction.');
      return insert(message);
    },
    /** Up to `limit` messages older than `beforeId` (or the newest), returned oldest first. */
    page(conversationId: number, beforeId: number | null, limit: number): MessagePage {
      const rows = selectPage.all({
        conversationId,
        beforeId: beforeId ?? Number.MAX_SAFE_INTEGER,
        limit: limit + 1,
      });
      const hasMore = rows.length > limit;
      return { items: withAttachments(rows.slice(0, limit).reverse()), hasMore };
    },
    /** Up to `limit` messages newer than `afterId`, oldest first; `hasMore` is about older ones
     * (there are: at least the one at `afterId`). */
    after(conversationId: number, afterId: number, limit: number): MessageWindow {
      const rows = selectAfter.all({ conversationId, afterId, limit: limit + 1 });
      return { items: withAttachments(rows.slice(0, limit)), hasMore: true, hasNewer: rows.length > limit };
    },
    /** The message `aroundId` with up to half of `limit` older messages before it and the rest
     * newer after it, oldest first: two walks of messages_by_conversation from the anchor. */
    around(conversationId: number, aroundId: number, limit: number): MessageWindow {
      const olderWanted = Math.ceil(limit / 2);
      const newerWanted = limit - olderWanted;
      const older = selectPage.all({ conversationId, beforeId: aroundId + 1, limit: olderWanted + 1 });
      const newer = newerWanted > 0 ? selectAfter.all({ conversationId, afterId: aroundId, limit: newerWanted + 1 }) : [];
      const rows = [...older.slice(0, olderWanted).reverse(), ...newer.slice(0, newerWanted)];
      // With no room for newer messages, whether any exist is still worth one row's lookup.
      const hasNewer = newerWanted > 0 ? newer.length > newerWanted : selectAfter.all({ conversationId, afterId: aroundId, limit: 1 }).length > 0;
      return { items: withAttachments(rows), hasMore: older.length > olderWanted, hasNewer };
    },
    belongsToConversation(messageId: number, conversationId: number): boolean {
      return selectInConversation.get(messageId, conversationId) !== undefined;
    },
  };
}
