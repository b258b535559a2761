// The inbox list: pages of conversation summaries newest first, for one location or several,
// and one conversation's summary.
//
// Every page is made of index walks that stop at the page's end, whatever statistics the
// planner has (server/testing/plannerStatistics.ts; server/db/realisticPlans.test.ts checks
// the plans): each statement names its index (INDEXED BY: a missing or unusable one fails at
// prepare, not silently at 1M messages) and fixes its join order (CROSS JOIN). Told that
// locations are few, the planner otherwise started from locations and read and sorted every
// conversation of each.
import type { Database } from 'better-sqlite3';
import type { ConversationSummary } from '../../shared/domain';
import { APPOINTMENT_COLUMNS, APPOINTMENT_JOINS, toAppointment, type AppointmentColumns } from '../bookingSystem/appointments.repository';

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

const SUMMARY_COLUMNS = `c.id, c.last_activity_at, c.unread_count,
    cl.id AS client_id, cl.name AS client_name, c.location_id,
    (SELECT l.name FROM locations l WHERE l.id = c.location_id) AS location_name,
    lm.text AS last_text, lm.author_kind AS last_author_kind, lm.created_at AS last_created_at,
    (SELECT count(*) FROM attachments la WHERE la.message_id = c.last_message_id) AS last_attachment_count,
    ${APPOINTMENT_COLUMNS}`;
// From a conversation `c` to what its summary shows, in this order. (The location's name is a
// subquery, not a join: a page of one location would carry its id over to a joined `locations`
// as a filter of its own, and given statistics the planner then builds a Bloom filter by
// reading every location on each run.)
const SUMMARY_JOINS = `CROSS JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN messages lm ON lm.id = c.last_message_id
  LEFT JOIN appointments a ON a.id = c.last_appointment_id
  ${APPOINTMENT_JOINS}`;

/** One conversation's summary, by id. */
export const CONVERSATION_SUMMARY_SQL = `SELECT ${SUMMARY_COLUMNS} FROM conversations c ${SUMMARY_JOINS} WHERE c.id = ?`;

/** The summaries of a page's conversations, given their ids as a JSON array (in no order). */
export const SUMMARIES_BY_ID_SQL = `SELECT ${SUMMARY_COLUMNS}
  FROM json_each(:ids) j
  CROSS JOIN conversations c ON c.id = j.value
  ${SUMMARY_JOINS}`;

/** A list of the inbox: which conversations it shows, and the index listing exactly those of
 * one location newest first — (location_id, [columns the condition fixes,] last_activity_at
 * DESC, id DESC), partial on the condition where it has one — so a page is a walk of it. */
export type InboxList = { index: string; condition: string };

export const EVERY_CONVERSATION: InboxList = { index: 'conversations_by_location_activity', condition: '' };
export const UNREAD_CONVERSATIONS: InboxList = {
  index: 'conversations_unread_by_location_activity',
  // Spelled out (not a parameter) so it matches the partial index's own WHERE.
  condition: 'AND c.unread_count > 0',
};

const FROM_POSITION = `(c.last_activity_at, c.id) < (:beforeAt, :beforeId)
  ORDER BY c.last_activity_at DESC, c.id DESC
  LIMIT :limit`;

/** A page of one location, with its summaries. */
export const locationPageSql = (list: InboxList) => `SELECT ${SUMMARY_COLUMNS}
  FROM conversations c INDEXED BY ${list.index}
  ${SUMMARY_JOINS}
  WHERE c.location_id = :locationId ${list.condition} AND ${FROM_POSITION}`;

/** One location's page as positions only (no summaries): what a page of several locations
 * merges. */
export const locationPagePositionsSql = (list: InboxList) => `SELECT c.id, c.last_activity_at
  FROM conversations c INDEXED BY ${list.index}
  WHERE c.location_id = :locationId ${list.condition} AND ${FROM_POSITION}`;

export const LOCATION_PAGE_SQL = locationPageSql(EVERY_CONVERSATION);
export const LOCATION_UNREAD_PAGE_SQL = locationPageSql(UNREAD_CONVERSATIONS);
export const LOCATION_PAGE_POSITIONS_SQL = locationPagePositionsSql(EVERY_CONVERSATION);
export const LOCATION_UNREAD_PAGE_POSITIONS_SQL = locationPagePositionsSql(UNREAD_CONVERSATIONS);

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
type Position = { id: number; last_activity_at: number };

const newestFirst = (a: Position, b: Position) => b.last_activity_at - a.last_activity_at || b.id - a.id;

export function createInboxPages(db: Database) {
  const selectSummary = db.prepare<[number], SummaryRow>(CONVERSATION_SUMMARY_SQL);
  const selectSummariesById = db.prepare<{ ids: string }, SummaryRow>(SUMMARIES_BY_ID_SQL);
  const statementsOf = (list: InboxList) => ({
    page: db.prepare<PageParams & { locationId: number }, SummaryRow>(locationPageSql(list)),
    positions: db.prepare<PageParams & { locationId: number }, Position>(locationPagePositionsSql(list)),
  });
  const every = statementsOf(EVERY_CONVERSATION);
  const unread = statementsOf(UNREAD_CONVERSATIONS);

  return {
    summary(id: number): ConversationSummary | null {
      const row = selectSummary.get(id);
      return row ? toSummary(row) : null;
    },
    page(query: ConversationPageQuery): ConversationSummary[] {
      const locationIds = [...new Set(query.locationIds)];
      const params: PageParams = {
        beforeAt: query.after?.lastActivityAt ?? Number.MAX_SAFE_INTEGER,
        beforeId: query.after?.id ?? Number.MAX_SAFE_INTEGER,
        limit: query.limit,
      };
      const statements = query.unreadOnly ? unread : every;
      const [onlyLocation] = locationIds;
      if (locationIds.length === 1 && onlyLocation !== undefined) {
        return statements.page.all({ ...params, locationId: onlyLocation }).map(toSummary);
      }
      // Several locations: a page holds at most `limit` rows of any one of them, so each
      // location's next `limit` positions, merged newest first and cut to `limit`, are the
      // page. The work is bounded by locations × limit however the conversations spread; one
      // walk of every location's activity filtered by location would read past all the other
      // locations' rows instead (all of a busy salon's unread ones to find a quiet one's few).
      const positions = locationIds.flatMap((locationId) => statements.positions.all({ ...params, locationId }));
      const pageIds = positions.sort(newestFirst).slice(0, query.limit).map((position) => position.id);
      if (pageIds.length === 0) return [];
      const rowsById = new Map(selectSummariesById.all({ ids: JSON.stringify(pageIds) }).map((row) => [row.id, row]));
      return pageIds.flatMap((id) => {
        const row = rowsById.get(id);
        return row ? [toSummary(row)] : [];
      });
    },
  };
}
