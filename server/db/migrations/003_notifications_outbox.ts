// Migration 3: team members' notification preferences (R10), clients' notification
// preferences with who last changed them (R11), the email/text delivery outbox, and an audit log
// that accepts new actions without being rebuilt again. Append-only once landed.
export const notificationsOutbox = `
-- One row per member who ever saved; no row means the defaults (version 0). The preferences
-- are one JSON document, checked by the server's schema on every write and read.
CREATE TABLE member_notification_prefs (
  member_id   INTEGER PRIMARY KEY REFERENCES team_members (id) ON DELETE CASCADE,
  prefs       TEXT NOT NULL CHECK (json_valid(prefs)),
  version     INTEGER NOT NULL CHECK (version >= 1),
  updated_at  INTEGER NOT NULL
) STRICT;

-- In-app notifications are always on; email and text are opt-in and need a valid address
-- (checked by the server; the mobile number is stored in E.164). Edits name their base version.
ALTER TABLE clients ADD COLUMN email_notifications INTEGER NOT NULL DEFAULT 0 CHECK (email_notifications IN (0, 1));
ALTER TABLE clients ADD COLUMN sms_notifications INTEGER NOT NULL DEFAULT 0 CHECK (sms_notifications IN (0, 1));
ALTER TABLE clients ADD COLUMN profile_version INTEGER NOT NULL DEFAULT 1 CHECK (profile_version >= 1);
ALTER TABLE clients ADD COLUMN profile_updated_at INTEGER;
ALTER TABLE clients ADD COLUMN profile_updated_by_id INTEGER;
ALTER TABLE clients ADD COLUMN profile_updated_by_name TEXT;

-- The outbox: one row per staff message per channel, written in the message's transaction, so a
-- delivery is never lost and never enqueued twice. The address is the one the client had when
-- the message was sent. idempotency_key goes to the provider (Message-ID, Idempotency-Key) so a
-- retry after a crash mid-send can be recognised. 'sending' is a claimed row; one found at
-- start-up belonged to a process that died while sending.
CREATE TABLE deliveries (
  id               INTEGER PRIMARY KEY,
  message_id       INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  channel          TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  address          TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254),
  idempotency_key  TEXT NOT NULL UNIQUE,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'retrying', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  INTEGER NOT NULL,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  sent_at          INTEGER,
  UNIQUE (message_id, channel)
) STRICT;
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state IN ('pending', 'retrying');
CREATE INDEX deliveries_in_flight ON deliveries (state) WHERE state = 'sending';

-- The audit log's action list was a CHECK constraint, which SQLite can only change by rebuilding
-- the table. Rebuilt once with a shape check instead ('domain.verb'); the server's schema names
-- the actions. Ids, entries and the append-only triggers are kept.
CREATE TABLE audit_log_v3 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  actor_id    INTEGER NOT NULL,
  actor_name  TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action GLOB '[a-z]*.[a-zA-Z]*' AND length(action) <= 64),
  subject     TEXT NOT NULL,
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  after       TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
INSERT INTO audit_log_v3 (id, at, actor_id, actor_name, action, subject, before, after)
  SELECT id, at, actor_id, actor_name, action, subject, before, after FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v3 RENAME TO audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
`;
