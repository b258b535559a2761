// Migration 14: the team inbox. Each conversation is Open, Snoozed (until a time) or Done and
// may have an assignee; every change moves triage_version on and leaves a staff-only event.
// Each member has their own unread state (member_reads), so a glance by one member no longer
// clears a conversation for everyone. Append-only once landed.
export const triage = `
ALTER TABLE conversations ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
  CHECK (status IN ('open', 'snoozed', 'done'));
ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER
  CHECK ((snoozed_until IS NOT NULL) = (status = 'snoozed'));
ALTER TABLE conversations ADD COLUMN assignee_member_id INTEGER REFERENCES team_members (id);
ALTER TABLE conversations ADD COLUMN triage_version INTEGER NOT NULL DEFAULT 0 CHECK (triage_version >= 0);

-- Before this, a conversation the business had read and answered last needed nobody: Done.
UPDATE conversations SET status = 'done'
 WHERE unread_count = 0
   AND (last_message_id IS NULL
        OR (SELECT m.author_kind FROM messages m WHERE m.id = conversations.last_message_id) = 'staff');

-- The views' pages: one walk per location, newest activity first, like the list of all.
CREATE INDEX conversations_open_by_location_activity
  ON conversations (location_id, last_activity_at DESC, id DESC) WHERE status = 'open';
CREATE INDEX conversations_open_by_assignee_activity
  ON conversations (location_id, assignee_member_id, last_activity_at DESC, id DESC) WHERE status = 'open';
CREATE INDEX conversations_snoozed_by_location_activity
  ON conversations (location_id, last_activity_at DESC, id DESC) WHERE status = 'snoozed';
CREATE INDEX conversations_done_by_location_activity
  ON conversations (location_id, last_activity_at DESC, id DESC) WHERE status = 'done';
-- Snoozes that end next.
CREATE INDEX conversations_snooze_ends ON conversations (snoozed_until) WHERE status = 'snoozed';
-- Unread is each member's own now: the business-wide unread list has no reader.
DROP INDEX conversations_unread_by_location_activity;

-- Staff-only events; their ids are the catch-up position of triage changes. change_id makes a
-- retried change (after a reconnect) apply once: one per member and change.
CREATE TABLE conversation_events (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id     INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind                TEXT NOT NULL CHECK (kind IN ('assigned', 'unassigned', 'done', 'reopened', 'snoozed', 'unsnoozed')),
  cause               TEXT NOT NULL CHECK (cause IN ('member', 'client-message', 'snooze-ended')),
  actor_member_id     INTEGER REFERENCES team_members (id),
  assignee_member_id  INTEGER REFERENCES team_members (id),
  snoozed_until       INTEGER,
  change_id           TEXT,
  created_at          INTEGER NOT NULL,
  CHECK ((cause = 'member') = (actor_member_id IS NOT NULL)),
  CHECK ((kind = 'assigned') = (assignee_member_id IS NOT NULL)),
  CHECK ((kind = 'snoozed') = (snoozed_until IS NOT NULL))
) STRICT;
CREATE INDEX conversation_events_by_conversation ON conversation_events (conversation_id, id);
CREATE UNIQUE INDEX conversation_events_by_change ON conversation_events (actor_member_id, change_id)
  WHERE change_id IS NOT NULL;

-- Each member's unread client messages per conversation. A row exists once a client message
-- arrived at one of the member's locations or the member read or marked the conversation; no
-- row is nothing unread. last_activity_at follows the conversation's, so the member's unread
-- list is a walk of one index; position moves with the member's own reads and marks (catch-up
-- of their other devices).
CREATE TABLE member_reads (
  member_id         INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
  conversation_id   INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  location_id       INTEGER NOT NULL,
  last_activity_at  INTEGER NOT NULL,
  unread_count      INTEGER NOT NULL CHECK (unread_count >= 0),
  position          INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  PRIMARY KEY (member_id, conversation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_reads_by_conversation ON member_reads (conversation_id) WHERE unread_count > 0;
CREATE INDEX member_reads_unread
  ON member_reads (member_id, location_id, last_activity_at DESC, conversation_id DESC) WHERE unread_count > 0;
CREATE INDEX member_reads_by_position ON member_reads (member_id, position) WHERE position > 0;
ALTER TABLE sync_counter ADD COLUMN member_read_position INTEGER NOT NULL DEFAULT 0 CHECK (member_read_position >= 0);

-- What was unread for the business is unread for each member who sees it (owners see every
-- location).
INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count)
SELECT m.id, c.id, c.location_id, c.last_activity_at, c.unread_count
  FROM conversations c
  JOIN team_members m ON m.role = 'owner'
       OR EXISTS (SELECT 1 FROM member_locations ml WHERE ml.member_id = m.id AND ml.location_id = c.location_id)
 WHERE c.unread_count > 0;

-- Location time zones (IANA); null is the server's own.
ALTER TABLE locations ADD COLUMN time_zone TEXT;
`;
