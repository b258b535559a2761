// The client directory: any client of the workspace, found by name, email or mobile number
// (migration 16's index), with their conversations at a set of locations. Used to start a
// conversation, so clients without one are found too.
import type { Database } from 'better-sqlite3';
import type { FoundClient } from '../../shared/conversationStart';

type ClientRow = { id: number; name: string; mobile: string | null; email: string | null };
type ConversationRow = { id: number; client_id: number; location_id: number; location_name: string };

/** Matching clients, newest first: the FTS walk drives (descending rowid, so no sort) and stops
 * at the limit; each match is read by primary key. */
export const FIND_CLIENTS_SQL = `SELECT cl.id, cl.name, cl.mobile, cl.email
  FROM client_directory_fts f
  CROSS JOIN clients cl ON cl.id = f.rowid
  WHERE client_directory_fts MATCH :query
  ORDER BY f.rowid DESC
  LIMIT :limit`;

/** The conversations of a few clients at a set of locations, along the (client, location) key. */
export const CONVERSATIONS_OF_CLIENTS_SQL = `SELECT c.id, c.client_id, l.id AS location_id, l.name AS location_name
  FROM json_each(:clientIds) j
  CROSS JOIN conversations c ON c.client_id = j.value
  CROSS JOIN locations l ON l.id = c.location_id
  WHERE c.location_id IN (SELECT value FROM json_each(:locationIds))`;

export type ClientDirectoryRepository = ReturnType<typeof createClientDirectoryRepository>;

export function createClientDirectoryRepository(db: Database) {
  const selectMatches = db.prepare<{ query: string; limit: number }, ClientRow>(FIND_CLIENTS_SQL);
  const selectClient = db.prepare<[number], ClientRow>('SELECT id, name, mobile, email FROM clients WHERE id = ?');
  const selectConversations = db.prepare<{ clientIds: string; locationIds: string }, ConversationRow>(CONVERSATIONS_OF_CLIENTS_SQL);
  const selectCountry = db.prepare<[], { country: string }>('SELECT country FROM workspace WHERE id = 1');

  /** Each client with their conversations at the locations, by location name. */
  function withConversations(rows: readonly ClientRow[], locationIds: readonly number[]): FoundClient[] {
    if (rows.length === 0) return [];
    const conversations = selectConversations.all({ clientIds: JSON.stringify(rows.map((row) => row.id)), locationIds: JSON.stringify(locationIds) });
    return rows.map((row) => ({
      client: { id: row.id, name: row.name },
      mobile: row.mobile,
      email: row.email,
      conversations: conversations
        .filter((conversation) => conversation.client_id === row.id)
        .map((conversation) => ({ conversationId: conversation.id, location: { id: conversation.location_id, name: conversation.location_name } }))
        .sort((a, b) => a.location.name.localeCompare(b.location.name) || a.location.id - b.location.id),
    }));
  }

  return {
    /** The workspace's country, in which numbers typed without +country code are read. */
    country(): string {
      return selectCountry.get()?.country ?? '';
    },
    /** Up to `limit` clients matching an FTS query (directoryQuery.ts), newest first. */
    find(ftsQuery: string, locationIds: readonly number[], limit: number): FoundClient[] {
      return withConversations(selectMatches.all({ query: ftsQuery, limit }), locationIds);
    },
    findById(clientId: number, locationIds: readonly number[]): FoundClient | null {
      const row = selectClient.get(clientId);
      return row ? (withConversations([row], locationIds)[0] ?? null) : null;
    },
  };
}
