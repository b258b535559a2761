// The inbox list: pages of conversation summaries newest first, for one location or several,
// and one conversation's summary.
//
// Every page is made of index walks that stop at the page's end, whatever statistics the
// planner has (server/testing/plannerStatistics.ts; server/db/realisticPlans.test.ts checks
// the plans): each statement names its index (INDEXED BY: a missing or unusable one fails at
// prepare, not silently at 1M messages) and fixes its join order (CROSS JOIN). Told that
// locations are few, the planner otherwise started from locations and read and sorted every
// conversation of each.
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationStatus, ConversationSummary } from '../../shared/domain';
import type { InboxView } from '../../shared/triageEvents';
import { APPOINTMENT_COLUMNS, APPOINTMENT_JOINS, toAppointment, type AppointmentColumns } from '../bookingSystem/appointments.repository';

/** A position in the inbox list: the last row of the previous page. */
export type ConversationPosition = { lastActivityAt: number; id: number };

export type ConversationPageQuery = {
  /** Whose page: their own unread counts, their unread list, their "Mine". */
  memberId: number;
  view: InboxView;
  /** Only these locations' conversations (the member's, or the one they filtered to). */
  locationIds: readonly number[];
  /** Only conversations with messages this member has not read. */
  unreadOnly: boolean;
  after: ConversationPosition | null;
  limit: number;
};

type SummaryRow = AppointmentColumns & {
  id: number;
  last_activity_at: number;
  status: ConversationStatus;
  snoozed_until: number | null;
  assignee_id: number | null;
  assignee_name: string | null;
  triage_version: number;
  unread_count: number;
  client_id: number;
  client_name: string;
  location_id: number;
  location_name: string;
  last_text: string | null;
  last_author_kind: 'client' | 'staff' | null;
  last_created_at: number | null;
  last_automatic: number | null;
  last_author_member_id: number | null;
  last_attachment_count: number;
};

// The asking member's own unread count (:memberId; 0 for a summary every member sees alike).
const SUMMARY_COLUMNS = `c.id, c.last_activity_at, c.status, c.snoozed_until, c.triage_version,
    c.assignee_member_id AS assignee_id,
    (SELECT tm.name FROM team_members tm WHERE tm.id = c.assignee_member_id) AS assignee_name,
    coalesce((SELECT r.unread_count FROM member_reads r WHERE r.member_id = :memberId AND r.conversation_id = c.id), 0) AS unread_count,
    cl.id AS client_id, cl.name AS client_name, c.location_id,
    (SELECT l.name FROM locations l WHERE l.id = c.location_id) AS location_name,
    lm.text AS last_text, lm.author_kind AS last_author_kind, lm.created_at AS last_created_at, lm.automatic AS last_automatic,
    lm.author_member_id AS last_author_member_id,
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
export const CONVERSATION_SUMMARY_SQL = `SELECT ${SUMMARY_COLUMNS} FROM conversations c ${SUMMARY_JOINS} WHERE c.id = :id`;

/** The summaries of a page's conversations, given their ids as a JSON array (in no order). */
export const SUMMARIES_BY_ID_SQL = `SELECT ${SUMMARY_COLUMNS}
  FROM json_each(:ids) j
  CROSS JOIN conversations c ON c.id = j.value
  ${SUMMARY_JOINS}`;

/** A list of the inbox: which conversations it shows, and the index listing exactly those of
 * one location newest first — (location_id, [columns the condition fixes,] last_activity_at
 * DESC, id DESC), partial on the condition where it has one — so a page is a walk of it. */
export type InboxList = { index: string; condition: string };

// Conditions are spelled out (not parameters) where they must match a partial index's WHERE.
export const INBOX_LISTS: Record<InboxView, InboxList> = {
  all: { index: 'conversations_by_location_activity', condition: '' },
  open: { index: 'conversations_open_by_location_activity', condition: "AND c.status = 'open'" },
  mine: {
    index: 'conversations_open_by_assignee_activity',
    condition: "AND c.status = 'open' AND c.assignee_member_id = :memberId",
  },
  unassigned: {
    index: 'conversations_open_by_assignee_activity',
    condition: "AND c.status = 'open' AND c.assignee_member_id IS NULL",
  },
  snoozed: { index: 'conversations_snoozed_by_location_activity', condition: "AND c.status = 'snoozed'" },
  done: { index: 'conversations_done_by_location_activity', condition: "AND c.status = 'done'" },
};
export const EVERY_CONVERSATION = INBOX_LISTS.all;

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

// The member's unread conversations of one location: a walk of their own unread rows (which
// keep the conversation's last activity), each checked against the view's condition.
const FROM_UNREAD_POSITION = `(r.last_activity_at, r.conversation_id) < (:beforeAt, :beforeId)
  ORDER BY r.last_activity_at DESC, r.conversation_id DESC
  LIMIT :limit`;
const UNREAD_WALK = `FROM member_reads r INDEXED BY member_reads_unread
  CROSS JOIN conversations c ON c.id = r.conversation_id`;

export const unreadPageSql = (list: InboxList) => `SELECT ${SUMMARY_COLUMNS}
  ${UNREAD_WALK}
  ${SUMMARY_JOINS}
  WHERE r.member_id = :memberId AND r.location_id = :locationId AND r.unread_count > 0 ${list.condition}
    AND ${FROM_UNREAD_POSITION}`;

export const unreadPagePositionsSql = (list: InboxList) => `SELECT c.id, c.last_activity_at
  ${UNREAD_WALK}
  WHERE r.member_id = :memberId AND r.location_id = :locationId AND r.unread_count > 0 ${list.condition}
    AND ${FROM_UNREAD_POSITION}`;

export const LOCATION_PAGE_SQL = locationPageSql(EVERY_CONVERSATION);
export const LOCATION_PAGE_POSITIONS_SQL = locationPagePositionsSql(EVERY_CONVERSATION);
export const LOCATION_UNREAD_PAGE_SQL = unreadPageSql(EVERY_CONVERSATION);
export const LOCATION_UNREAD_PAGE_POSITIONS_SQL = unreadPagePositionsSql(EVERY_CONVERSATION);

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
            ...(row.last_author_member_id !== null ? { authorMemberId: row.last_author_member_id } : {}),
            // The after-hours reply answers nobody: the client is still waiting (reminders).
            ...(row.last_automatic === 1 ? { automatic: true as const } : {}),
          },
    lastActivityAt: row.last_activity_at,
    status: row.status,
    snoozedUntil: row.snoozed_until,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    triageVersion: row.triage_version,
    unreadCount: row.unread_count,
  };
}

type PageParams = { beforeAt: number; beforeId: number; limit: number; memberId: number };
type Position = { id: number; last_activity_at: number };
type PageStatements = {
  page: Statement<PageParams & { locationId: number }, SummaryRow>;
  positions: Statement<PageParams & { locationId: number }, Position>;
};

const newestFirst = (a: Position, b: Position) => b.last_activity_at - a.last_activity_at || b.id - a.id;
const views = Object.keys(INBOX_LISTS) as InboxView[];

export function createInboxPages(db: Database) {
  const selectSummary = db.prepare<{ id: number; memberId: number }, SummaryRow>(CONVERSATION_SUMMARY_SQL);
  const selectSummariesById = db.prepare<{ ids: string; memberId: number }, SummaryRow>(SUMMARIES_BY_ID_SQL);
  // Prepared once per view and per kind of walk: every list, or the member's unread.
  const statementsOf = (view: InboxView, unreadOnly: boolean): PageStatements => {
    const list = INBOX_LISTS[view];
    return unreadOnly
      ? { page: db.prepare(unreadPageSql(list)), positions: db.prepare(unreadPagePositionsSql(list)) }
      : { page: db.prepare(locationPageSql(list)), positions: db.prepare(locationPagePositionsSql(list)) };
  };
  const every = new Map(views.map((view) => [view, statementsOf(view, false)]));
  const unread = new Map(views.map((view) => [view, statementsOf(view, true)]));

  return {
    /** One conversation's summary, with this member's unread count (memberId 0: none). */
    summary(id: number, memberId = 0): ConversationSummary | null {
      const row = selectSummary.get({ id, memberId });
      return row ? toSummary(row) : null;
    },
    /** Several summaries for one member, in no particular order. */
    summaries(ids: readonly number[], memberId: number): ConversationSummary[] {
      if (ids.length === 0) return [];
      return selectSummariesById.all({ ids: JSON.stringify(ids), memberId }).map(toSummary);
    },
    page(query: ConversationPageQuery): ConversationSummary[] {
      const locationIds = [...new Set(query.locationIds)];
      const params: PageParams = {
        beforeAt: query.after?.lastActivityAt ?? Number.MAX_SAFE_INTEGER,
        beforeId: query.after?.id ?? Number.MAX_SAFE_INTEGER,
        limit: query.limit,
        memberId: query.memberId,
      };
      const statements = (query.unreadOnly ? unread : every).get(query.view);
      if (!statements) throw new Error(`No inbox view ${query.view}.`);
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
      const rowsById = new Map(selectSummariesById.all({ ids: JSON.stringify(pageIds), memberId: query.memberId }).map((row) => [row.id, row]));
      return pageIds.flatMap((id) => {
        const row = rowsById.get(id);
        return row ? [toSummary(row)] : [];
      });
    },
  };
}
