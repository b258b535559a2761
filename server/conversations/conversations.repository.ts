// Conversations (one per client per location): the inbox list, summaries and read state.
import type { Database } from 'better-sqlite3';
import type { ClientConversation } from '../../shared/clientEvents';
import type { SharedConversationSummary } from '../../shared/domain';
import { createInboxPages } from './inboxPages.repository';

/** What authorization needs: whose conversation it is and where. */
export type ConversationRecord = { id: number; clientId: number; locationId: number };

export type { ConversationPageQuery, ConversationPosition } from './inboxPages.repository';

export type ConversationRepository = ReturnType<typeof createConversationRepository>;

export function createConversationRepository(db: Database) {
  const selectRecord = db.prepare<[number], { id: number; client_id: number; location_id: number }>(
    'SELECT id, client_id, location_id FROM conversations WHERE id = ?',
  );
  const selectByClientAndLocation = db.prepare<[number, number], { id: number }>(
    'SELECT id FROM conversations WHERE client_id = ? AND location_id = ?',
  );
  const insertConversation = db.prepare<{ clientId: number; locationId: number; now: number }>(
    `INSERT INTO conversations (client_id, location_id, created_at, last_activity_at)
     VALUES (:clientId, :locationId, :now, :now)`,
  );
  const inboxPages = createInboxPages(db);
  const selectForClient = db.prepare<[number], { id: number; location_id: number; location_name: string; last_activity_at: number; client_unread_count: number }>(
    `SELECT c.id, l.id AS location_id, l.name AS location_name, c.last_activity_at, c.client_unread_count
       FROM conversations c JOIN locations l ON l.id = c.location_id
      WHERE c.client_id = ? ORDER BY c.last_activity_at DESC, c.id DESC`,
  );
  const markRead = db.prepare<{ conversationId: number; upToId: number; readAt: number; authorKind: 'client' | 'staff' }>(
    `UPDATE messages SET read_at = :readAt
      WHERE conversation_id = :conversationId AND id <= :upToId AND author_kind = :authorKind AND read_at IS NULL`,
  );
  const recountBusinessUnread = db.prepare<[number], { unread_count: number }>(
    `UPDATE conversations SET unread_count = (
       SELECT count(*) FROM messages
        WHERE conversation_id = conversations.id AND author_kind = 'client' AND read_at IS NULL)
      WHERE id = ? RETURNING unread_count`,
  );
  const recountClientUnread = db.prepare<[number], { client_unread_count: number }>(
    `UPDATE conversations SET client_unread_count = (
       SELECT count(*) FROM messages
        WHERE conversation_id = conversations.id AND author_kind = 'staff' AND read_at IS NULL)
      WHERE id = ? RETURNING client_unread_count`,
  );
  const selectBusinessUnread = db.prepare<[number], { unread_count: number }>(
    'SELECT unread_count FROM conversations WHERE id = ?',
  );

  return {
    findById(id: number): ConversationRecord | null {
      const row = selectRecord.get(id);
      return row ? { id: row.id, clientId: row.client_id, locationId: row.location_id } : null;
    },
    findIdByClientAndLocation(clientId: number, locationId: number): number | null {
      return selectByClientAndLocation.get(clientId, locationId)?.id ?? null;
    },
    /** The existing conversation of this client at this location, or a new empty one. */
    findOrCreate(clientId: number, locationId: number, now: number): number {
      const existing = selectByClientAndLocation.get(clientId, locationId);
      if (existing) return existing.id;
      return Number(insertConversation.run({ clientId, locationId, now }).lastInsertRowid);
    },
    /** One conversation's summary, as the inbox list shows it to a member (their unread count). */
    summary: inboxPages.summary,
    summaries: inboxPages.summaries,
    /** One conversation's summary as every member sees it alike (for pushes to a location). */
    sharedSummary(id: number): SharedConversationSummary | null {
      const summary = inboxPages.summary(id);
      if (!summary) return null;
      const { unreadCount: _own, ...shared } = summary;
      return shared;
    },
    /** A page of the inbox list, newest first (inboxPages.repository.ts). */
    page: inboxPages.page,
    listForClient(clientId: number): ClientConversation[] {
      return selectForClient.all(clientId).map((row) => ({
        id: row.id,
        location: { id: row.location_id, name: row.location_name },
        lastActivityAt: row.last_activity_at,
        unreadCount: row.client_unread_count,
      }));
    },
    /** The business read the client's messages up to a message; returns the new unread count. */
    markReadByBusiness(conversationId: number, upToId: number, readAt: number): number {
      return db.transaction(() => {
        markRead.run({ conversationId, upToId, readAt, authorKind: 'client' });
        return recountBusinessUnread.get(conversationId)?.unread_count ?? 0;
      })();
    },
    /** The client read the business's messages up to a message; returns the client's unread count. */
    markReadByClient(conversationId: number, upToId: number, readAt: number): number {
      return db.transaction(() => {
        markRead.run({ conversationId, upToId, readAt, authorKind: 'staff' });
        return recountClientUnread.get(conversationId)?.client_unread_count ?? 0;
      })();
    },
    businessUnreadCount(conversationId: number): number {
      return selectBusinessUnread.get(conversationId)?.unread_count ?? 0;
    },
  };
}
