// Conversations (one per client per location): the inbox list, summaries and read state.
import type { Database } from 'better-sqlite3';
import type { ConversationSummary } from '../../shared/domain';
import type { ClientConversation } from '../../shared/clientEvents';
import { APPOINTMENT_COLUMNS, APPOINTMENT_JOINS, toAppointment, type AppointmentColumns } from '../clients/appointments.repository';

/** What authorization needs: whose conversation it is and where. */
export type ConversationRecord = { id: number; clientId: number; locationId: number };

/** A position in the inbox list: the last row of the previous page. */
export type ConversationPosition = { lastActivityAt: number; id: number };

export type ConversationPageQuery = {
  /** Only these locations' conversations (the member's, or the one they filtered to). */
  locationIds: readonly number[];
  unreadOnly: boolean;
  after: ConversationPosition | null;
  limit: number;
};

type SummaryRow = AppointmentColumns & {
  id: number;
  last_activity_at: number;
  unread_count: number;
  client_id: number;
  client_name: string;
  location_id: number;
  location_name: string;
  last_text: string | null;
  last_author_kind: 'client' | 'staff' | null;
  last_created_at: number | null;
  last_attachment_count: number;
};

const SUMMARY_SELECT = `SELECT c.id, c.last_activity_at, c.unread_count,
    cl.id AS client_id, cl.name AS client_name, l.id AS location_id, l.name AS location_name,
    lm.text AS last_text, lm.author_kind AS last_author_kind, lm.created_at AS last_created_at,
    (SELECT count(*) FROM attachments la WHERE la.message_id = c.last_message_id) AS last_attachment_count,
    ${APPOINTMENT_COLUMNS}
  FROM conversations c
  JOIN clients cl ON cl.id = c.client_id
  JOIN locations l ON l.id = c.location_id
  LEFT JOIN messages lm ON lm.id = c.last_message_id
  LEFT JOIN appointments a ON a.id = c.last_appointment_id
  ${APPOINTMENT_JOINS}`;

const PAGE_CONDITIONS = `(c.last_activity_at, c.id) < (:beforeAt, :beforeId)
  ORDER BY c.last_activity_at DESC, c.id DESC
  LIMIT :limit`;
// Spelled out (not a parameter) so the planner can pick the partial unread indexes.
const UNREAD = 'c.unread_count > 0';

/** The inbox page of one location: walks conversations_by_location_activity. */
export const LOCATION_PAGE_SQL = `${SUMMARY_SELECT}
  WHERE c.location_id = :locationId AND ${PAGE_CONDITIONS}`;

/** The inbox page across several locations: walks conversations_by_activity and filters by
 * location (the unary + keeps the planner from trading the ordered walk for a sort). */
export const LOCATIONS_PAGE_SQL = `${SUMMARY_SELECT}
  WHERE +c.location_id IN (SELECT value FROM json_each(:locationIds)) AND ${PAGE_CONDITIONS}`;

/** Unread only, one location: walks conversations_unread_by_location_activity. */
export const LOCATION_UNREAD_PAGE_SQL = `${SUMMARY_SELECT}
  WHERE c.location_id = :locationId AND ${UNREAD} AND ${PAGE_CONDITIONS}`;

/** Unread only, several locations: walks conversations_unread_by_activity. */
export const LOCATIONS_UNREAD_PAGE_SQL = `${SUMMARY_SELECT}
  WHERE +c.location_id IN (SELECT value FROM json_each(:locationIds)) AND ${UNREAD} AND ${PAGE_CONDITIONS}`;

function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    client: { id: row.client_id, name: row.client_name },
    location: { id: row.location_id, name: row.location_name },
    appointment: toAppointment(row),
    lastMessage:
      row.last_text === null || row.last_author_kind === null || row.last_created_at === null
        ? null
        : {
            text: row.last_text,
            authorKind: row.last_author_kind,
            createdAt: row.last_created_at,
            attachmentCount: row.last_attachment_count,
          },
    lastActivityAt: row.last_activity_at,
    unreadCount: row.unread_count,
  };
}

type PageParams = { beforeAt: number; beforeId: number; limit: number };

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
  const selectSummary = db.prepare<[number], SummaryRow>(`${SUMMARY_SELECT} WHERE c.id = ?`);
  const selectLocationPage = db.prepare<PageParams & { locationId: number }, SummaryRow>(LOCATION_PAGE_SQL);
  const selectLocationsPage = db.prepare<PageParams & { locationIds: string }, SummaryRow>(LOCATIONS_PAGE_SQL);
  const selectLocationUnreadPage = db.prepare<PageParams & { locationId: number }, SummaryRow>(LOCATION_UNREAD_PAGE_SQL);
  const selectLocationsUnreadPage = db.prepare<PageParams & { locationIds: string }, SummaryRow>(LOCATIONS_UNREAD_PAGE_SQL);
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
    summary(id: number): ConversationSummary | null {
      const row = selectSummary.get(id);
      return row ? toSummary(row) : null;
    },
    page(query: ConversationPageQuery): ConversationSummary[] {
      if (query.locationIds.length === 0) return [];
      const params: PageParams = {
        beforeAt: query.after?.lastActivityAt ?? Number.MAX_SAFE_INTEGER,
        beforeId: query.after?.id ?? Number.MAX_SAFE_INTEGER,
        limit: query.limit,
      };
      const [onlyLocation] = query.locationIds;
      const [oneLocation, severalLocations] = query.unreadOnly
        ? [selectLocationUnreadPage, selectLocationsUnreadPage]
        : [selectLocationPage, selectLocationsPage];
      const rows =
        query.locationIds.length === 1 && onlyLocation !== undefined
          ? oneLocation.all({ ...params, locationId: onlyLocation })
          : severalLocations.all({ ...params, locationIds: JSON.stringify(query.locationIds) });
      return rows.map(toSummary);
    },
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
