// Triage state: conversation status, snooze and assignee with their staff-only events, and each
// member's own unread state (member_reads, migration 14).
import type { Database } from 'better-sqlite3';
import type { ConversationStatus } from '../../shared/domain';
import type { ConversationEvent, LocationCounts } from '../../shared/triageEvents';

export type TriageState = {
  id: number;
  locationId: number;
  status: ConversationStatus;
  snoozedUntil: number | null;
  assigneeId: number | null;
  triageVersion: number;
};

export type NewEvent = {
  conversationId: number;
  kind: ConversationEvent['kind'];
  cause: ConversationEvent['cause'];
  actorId: number | null;
  assigneeId: number | null;
  snoozedUntil: number | null;
  changeId: string | null;
  createdAt: number;
};

type EventRow = {
  id: number;
  conversation_id: number;
  kind: ConversationEvent['kind'];
  cause: ConversationEvent['cause'];
  actor_id: number | null;
  actor_name: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  snoozed_until: number | null;
  created_at: number;
};

const EVENT_SELECT = `SELECT e.id, e.conversation_id, e.kind, e.cause, e.snoozed_until, e.created_at,
    e.actor_member_id AS actor_id, (SELECT name FROM team_members WHERE id = e.actor_member_id) AS actor_name,
    e.assignee_member_id AS assignee_id, (SELECT name FROM team_members WHERE id = e.assignee_member_id) AS assignee_name
  FROM conversation_events e`;

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

const toEvent = (row: EventRow): ConversationEvent => ({
  id: row.id,
  conversationId: row.conversation_id,
  kind: row.kind,
  cause: row.cause,
  actor: ref(row.actor_id, row.actor_name),
  assignee: ref(row.assignee_id, row.assignee_name),
  snoozedUntil: row.snoozed_until,
  createdAt: row.created_at,
});

/** A conversation's newest events, newest first. */
export const CONVERSATION_EVENTS_SQL = `${EVENT_SELECT} WHERE e.conversation_id = :conversationId ORDER BY e.id DESC LIMIT :limit`;

/** Snoozes whose time has come, soonest first. */
export const DUE_SNOOZES_SQL = "SELECT id FROM conversations INDEXED BY conversations_snooze_ends WHERE status = 'snoozed' AND snoozed_until <= ? ORDER BY snoozed_until LIMIT 100";

/** Events after a position at these locations, oldest first (catch-up). */
export const EVENTS_AFTER_FOR_LOCATIONS_SQL = `${EVENT_SELECT}
  WHERE e.id > :after
    AND (SELECT c.location_id FROM conversations c WHERE c.id = e.conversation_id) IN (SELECT value FROM json_each(:locationIds))
  ORDER BY e.id LIMIT :limit`;

/** The member's own read changes after a position (catch-up of their other devices). */
export const MEMBER_READS_AFTER_SQL = `SELECT r.conversation_id, r.unread_count, r.position
  FROM member_reads r INDEXED BY member_reads_by_position
  WHERE r.member_id = :memberId AND r.position > 0 AND r.position > :after
    AND r.location_id IN (SELECT value FROM json_each(:locationIds))
  ORDER BY r.position LIMIT :limit`;

// Counts per location, read from the counters migration 17 keeps by triggers (a few rows per
// location, whatever the number of conversations).
export const CONVERSATION_COUNTS_SQL = `SELECT status, assignee_key, n FROM conversation_counts
  WHERE location_id = :locationId AND n > 0`;
export const UNREAD_OPEN_COUNTS_SQL = `SELECT location_id, n AS unread_open FROM member_unread_open
  WHERE member_id = :memberId AND location_id IN (SELECT value FROM json_each(:locationIds))`;

export type TriageRepository = ReturnType<typeof createTriageRepository>;

export function createTriageRepository(db: Database) {
  const selectState = db.prepare<[number], { id: number; location_id: number; status: ConversationStatus; snoozed_until: number | null; assignee_member_id: number | null; triage_version: number }>(
    'SELECT id, location_id, status, snoozed_until, assignee_member_id, triage_version FROM conversations WHERE id = ?',
  );
  const updateState = db.prepare<{ id: number; status: ConversationStatus; snoozedUntil: number | null; assigneeId: number | null }>(
    `UPDATE conversations SET status = :status, snoozed_until = :snoozedUntil, assignee_member_id = :assigneeId,
            triage_version = triage_version + 1
      WHERE id = :id`,
  );
  const insertEvent = db.prepare<NewEvent>(
    `INSERT INTO conversation_events (conversation_id, kind, cause, actor_member_id, assignee_member_id, snoozed_until, change_id, created_at)
     VALUES (:conversationId, :kind, :cause, :actorId, :assigneeId, :snoozedUntil, :changeId, :createdAt)`,
  );
  const selectEvent = db.prepare<[number], EventRow>(`${EVENT_SELECT} WHERE e.id = ?`);
  const selectEventByChange = db.prepare<[number, string], EventRow>(`${EVENT_SELECT} WHERE e.actor_member_id = ? AND e.change_id = ?`);
  const selectEvents = db.prepare<{ conversationId: number; limit: number }, EventRow>(CONVERSATION_EVENTS_SQL);
  const selectEventsAfter = db.prepare<{ after: number; locationIds: string; limit: number }, EventRow>(EVENTS_AFTER_FOR_LOCATIONS_SQL);
  const selectLastEventId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM conversation_events');
  const selectAssignees = db.prepare<{ locationId: number }, { id: number; name: string }>(
    `SELECT m.id, m.name FROM team_members m LEFT JOIN permission_groups g ON g.id = m.group_id
      WHERE m.deactivated_at IS NULL
        AND (m.role = 'owner'
             OR (g.access_chats = 1 AND g.reply_chats = 1
                 AND EXISTS (SELECT 1 FROM member_locations ml WHERE ml.member_id = m.id AND ml.location_id = :locationId)))
      ORDER BY m.name COLLATE NOCASE, m.id`,
  );
  const selectDueSnoozes = db.prepare<[number], { id: number }>(DUE_SNOOZES_SQL);
  const selectNextSnoozeEnd = db.prepare<[], { at: number | null }>(
    "SELECT min(snoozed_until) AS at FROM conversations INDEXED BY conversations_snooze_ends WHERE status = 'snoozed'",
  );

  // Each member's unread: a client message raises it for every member who sees the location
  // (owners see all); every message moves the unread rows' activity with the conversation's.
  const followActivity = db.prepare<{ conversationId: number; at: number }>(
    `UPDATE member_reads SET last_activity_at = :at WHERE conversation_id = :conversationId AND unread_count > 0`,
  );
  const raiseUnread = db.prepare<{ conversationId: number; locationId: number; at: number }>(
    `INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count)
     SELECT m.id, :conversationId, :locationId, :at, 1 FROM team_members m
      WHERE m.deactivated_at IS NULL
        AND (m.role = 'owner' OR m.id IN (SELECT ml.member_id FROM member_locations ml WHERE ml.location_id = :locationId))
     ON CONFLICT (member_id, conversation_id) DO UPDATE
       SET unread_count = unread_count + 1, last_activity_at = excluded.last_activity_at`,
  );
  const setEveryonesUnread = db.prepare<{ conversationId: number; unread: number }>(
    'UPDATE member_reads SET unread_count = :unread WHERE conversation_id = :conversationId',
  );
  const nextReadPosition = db.prepare<[], { member_read_position: number }>(
    'UPDATE sync_counter SET member_read_position = member_read_position + 1 WHERE id = 1 RETURNING member_read_position',
  );
  const setUnread = db.prepare<{ memberId: number; conversationId: number; locationId: number; at: number; unread: number; position: number }>(
    `INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count, position)
     VALUES (:memberId, :conversationId, :locationId, :at, :unread, :position)
     ON CONFLICT (member_id, conversation_id) DO UPDATE
       SET unread_count = excluded.unread_count, last_activity_at = excluded.last_activity_at, position = excluded.position`,
  );
  const selectUnread = db.prepare<[number, number], { unread_count: number }>(
    'SELECT unread_count FROM member_reads WHERE member_id = ? AND conversation_id = ?',
  );
  // Client messages after the one read up to: what is still unread once the member has read
  // that far (a walk of the conversation's newest messages only).
  const countClientMessagesAfter = db.prepare<[number, number], { n: number }>(
    "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND id > ? AND author_kind = 'client'",
  );
  const selectActivity = db.prepare<[number], { location_id: number; last_activity_at: number }>(
    'SELECT location_id, last_activity_at FROM conversations WHERE id = ?',
  );
  const selectReadsAfter = db.prepare<{ memberId: number; after: number; locationIds: string; limit: number }, { conversation_id: number; unread_count: number; position: number }>(
    MEMBER_READS_AFTER_SQL,
  );
  const selectReadHead = db.prepare<[], { member_read_position: number }>('SELECT member_read_position FROM sync_counter WHERE id = 1');
  const selectCounts = db.prepare<{ locationId: number }, { status: string; assignee_key: number; n: number }>(CONVERSATION_COUNTS_SQL);
  const selectUnreadOpen = db.prepare<{ memberId: number; locationIds: string }, { location_id: number; unread_open: number }>(UNREAD_OPEN_COUNTS_SQL);

  function setMemberUnread(memberId: number, conversationId: number, unread: number): number {
    const conversation = selectActivity.get(conversationId);
    if (!conversation) return 0;
    const position = nextReadPosition.get()?.member_read_position ?? 0;
    setUnread.run({ memberId, conversationId, locationId: conversation.location_id, at: conversation.last_activity_at, unread, position });
    return unread;
  }

  return {
    state(conversationId: number): TriageState | null {
      const row = selectState.get(conversationId);
      return row
        ? { id: row.id, locationId: row.location_id, status: row.status, snoozedUntil: row.snoozed_until, assigneeId: row.assignee_member_id, triageVersion: row.triage_version }
        : null;
    },
    /** Sets the conversation's status, snooze and assignee, moves its version on and records
     * the event; the caller's transaction makes them one. */
    change(state: Pick<TriageState, 'id' | 'status' | 'snoozedUntil' | 'assigneeId'>, event: NewEvent): ConversationEvent {
      updateState.run({ id: state.id, status: state.status, snoozedUntil: state.snoozedUntil, assigneeId: state.assigneeId });
      const id = Number(insertEvent.run(event).lastInsertRowid);
      const row = selectEvent.get(id);
      if (!row) throw new Error(`Event ${id} vanished inside its own transaction.`);
      return toEvent(row);
    },
    /** The event a member's change with this id already made (a retry), if any. */
    eventOfChange(memberId: number, changeId: string): ConversationEvent | null {
      const row = selectEventByChange.get(memberId, changeId);
      return row ? toEvent(row) : null;
    },
    events(conversationId: number, limit: number): ConversationEvent[] {
      return selectEvents.all({ conversationId, limit }).map(toEvent).reverse();
    },
    eventsAfter(after: number, locationIds: readonly number[], limit: number): ConversationEvent[] {
      if (locationIds.length === 0) return [];
      return selectEventsAfter.all({ after, locationIds: JSON.stringify(locationIds), limit }).map(toEvent);
    },
    lastEventId(): number {
      return selectLastEventId.get()?.id ?? 0;
    },
    /** Members who may reply at the location: whom its conversations can be assigned to. */
    assignees(locationId: number): { id: number; name: string }[] {
      return selectAssignees.all({ locationId });
    },
    dueSnoozes(now: number): number[] {
      return selectDueSnoozes.all(now).map((row) => row.id);
    },
    nextSnoozeEnd(): number | null {
      return selectNextSnoozeEnd.get()?.at ?? null;
    },

    /** A message was stored: each member's unread rows follow the conversation's activity, and
     * a client message is one more unread for everyone who sees its location. */
    messageStored(conversationId: number, locationId: number, at: number, fromClient: boolean): void {
      followActivity.run({ conversationId, at });
      if (fromClient) raiseUnread.run({ conversationId, locationId, at });
    },
    /** Everyone who has the conversation has read all but its newest `unread` client messages
     * (a history written in one go, such as the demo's). */
    setEveryonesUnread(conversationId: number, unread: number): void {
      setEveryonesUnread.run({ conversationId, unread });
    },
    /** The member read up to a message: what stays unread for them. */
    readUpTo(memberId: number, conversationId: number, upToMessageId: number): number {
      // A read only ever lowers the count: a device that is behind reading an older message
      // does not bring back what the member already read elsewhere.
      const left = countClientMessagesAfter.get(conversationId, upToMessageId)?.n ?? 0;
      const current = selectUnread.get(memberId, conversationId)?.unread_count ?? 0;
      return setMemberUnread(memberId, conversationId, Math.min(left, current));
    },
    /** Unread for this member again (at least one). */
    markUnread(memberId: number, conversationId: number): number {
      const current = selectUnread.get(memberId, conversationId)?.unread_count ?? 0;
      return setMemberUnread(memberId, conversationId, Math.max(1, current));
    },
    unreadOf(memberId: number, conversationId: number): number {
      return selectUnread.get(memberId, conversationId)?.unread_count ?? 0;
    },
    readsAfter(memberId: number, after: number, locationIds: readonly number[], limit: number) {
      if (locationIds.length === 0) return [];
      return selectReadsAfter
        .all({ memberId, after, locationIds: JSON.stringify(locationIds), limit })
        .map((row) => ({ conversationId: row.conversation_id, unreadCount: row.unread_count, position: row.position }));
    },
    readPositionHead(): number {
      return selectReadHead.get()?.member_read_position ?? 0;
    },
    counts(memberId: number, locationIds: readonly number[]): LocationCounts[] {
      const unread = new Map(
        selectUnreadOpen.all({ memberId, locationIds: JSON.stringify(locationIds) }).map((row) => [row.location_id, row.unread_open]),
      );
      return locationIds.map((locationId) => {
        const counts = { locationId, open: 0, mine: 0, unassigned: 0, snoozed: 0, done: 0, unreadOpen: unread.get(locationId) ?? 0 };
        for (const row of selectCounts.all({ locationId })) {
          if (row.status === 'snoozed') counts.snoozed += row.n;
          else if (row.status === 'done') counts.done += row.n;
          else {
            counts.open += row.n;
            if (row.assignee_key === memberId) counts.mine += row.n;
            if (row.assignee_key === 0) counts.unassigned += row.n;
          }
        }
        return counts;
      });
    },
  };
}
