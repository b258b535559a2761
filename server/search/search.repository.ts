// Full-text search over message text (the index file, searchIndex.ts) and client names (FTS5,
// migration 5), newest first, scoped to a set of locations. Both queries walk their FTS index by
// descending rowid and stop at the limit, so a common word costs no more than a rare one. Runs
// on a connection with the message index attached (openSearchConnection).
import type { Database } from 'better-sqlite3';
import type { ClientHit, MessageHit } from '../../shared/search';

type Scope = { ftsQuery: string; locationIds: readonly number[] };

type MessageHitRow = {
  id: number;
  conversation_id: number;
  author_kind: 'client' | 'staff';
  text: string;
  created_at: number;
  client_id: number;
  client_name: string;
  location_id: number;
  location_name: string;
};

type ClientHitRow = {
  conversation_id: number;
  client_id: number;
  client_name: string;
  location_id: number;
  location_name: string;
  last_activity_at: number;
  unread_count: number;
};

// CROSS JOIN fixes the join order: the FTS walk drives, newest match first, and each match is
// looked up by primary key; the unary + keeps the location filter from becoming the driver.
/** Message matches, newest first, older than :beforeId. */
export const MESSAGE_SEARCH_SQL = `SELECT m.id, m.conversation_id, m.author_kind, m.text, m.created_at,
    cl.id AS client_id, cl.name AS client_name, l.id AS location_id, l.name AS location_name
  FROM search.messages_fts f
  CROSS JOIN messages m ON m.id = f.rowid
  CROSS JOIN conversations c ON c.id = m.conversation_id
  CROSS JOIN clients cl ON cl.id = c.client_id
  CROSS JOIN locations l ON l.id = c.location_id
  WHERE messages_fts MATCH :query AND f.rowid < :beforeId
    AND +c.location_id IN (SELECT value FROM json_each(:locationIds))
  ORDER BY f.rowid DESC
  LIMIT :limit`;

/** Conversations of clients whose name matches, newest clients first. */
export const CLIENT_SEARCH_SQL = `SELECT c.id AS conversation_id, cl.id AS client_id, cl.name AS client_name,
    l.id AS location_id, l.name AS location_name, c.last_activity_at, c.unread_count
  FROM clients_fts f
  CROSS JOIN clients cl ON cl.id = f.rowid
  CROSS JOIN conversations c ON c.client_id = cl.id
  CROSS JOIN locations l ON l.id = c.location_id
  WHERE clients_fts MATCH :query
    AND +c.location_id IN (SELECT value FROM json_each(:locationIds))
  ORDER BY f.rowid DESC
  LIMIT :limit`;

export type SearchRepository = ReturnType<typeof createSearchRepository>;

export function createSearchRepository(db: Database) {
  const selectMessages = db.prepare<{ query: string; beforeId: number; locationIds: string; limit: number }, MessageHitRow>(
    MESSAGE_SEARCH_SQL,
  );
  const selectClients = db.prepare<{ query: string; locationIds: string; limit: number }, ClientHitRow>(CLIENT_SEARCH_SQL);
  const selectIndexComplete = db.prepare<[], { complete: number }>('SELECT messages_indexed_from <= 1 AS complete FROM search.index_state');

  return {
    /** Whether every message up to the newest indexed one is indexed: false while a rebuilt
     * index is still filling in older messages. */
    indexComplete(): boolean {
      return selectIndexComplete.get()?.complete === 1;
    },
    /** Up to `limit` message matches older than `beforeId` (or the newest), newest first. */
    messages({ ftsQuery, locationIds }: Scope, beforeId: number | null, limit: number): MessageHit[] {
      const rows = selectMessages.all({
        query: ftsQuery,
        beforeId: beforeId ?? Number.MAX_SAFE_INTEGER,
        locationIds: JSON.stringify(locationIds),
        limit,
      });
      return rows.map((row) => ({
        messageId: row.id,
        conversationId: row.conversation_id,
        client: { id: row.client_id, name: row.client_name },
        location: { id: row.location_id, name: row.location_name },
        authorKind: row.author_kind,
        text: row.text,
        createdAt: row.created_at,
      }));
    },
    clients({ ftsQuery, locationIds }: Scope, limit: number): ClientHit[] {
      return selectClients.all({ query: ftsQuery, locationIds: JSON.stringify(locationIds), limit }).map((row) => ({
        conversationId: row.conversation_id,
        client: { id: row.client_id, name: row.client_name },
        location: { id: row.location_id, name: row.location_name },
        lastActivityAt: row.last_activity_at,
        unreadCount: row.unread_count,
      }));
    },
  };
}
