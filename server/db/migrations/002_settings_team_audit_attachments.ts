// Migration 2: versioned settings and permission groups, the audit log, attachments,
// and the owner-only audit grant in session snapshots. Append-only once landed.
import { ATTACHMENT_TYPES } from '../../../shared/domain';

const contentTypes = ATTACHMENT_TYPES.map((type) => `'${type}'`).join(', ');

export const settingsTeamAuditAttachments = `
-- A save names the version it was based on; a stale one is a conflict, never an overwrite.
-- settings_updated_at 0 means the settings were never saved (still the defaults).
ALTER TABLE workspace ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 1 CHECK (settings_version >= 1);
ALTER TABLE workspace ADD COLUMN settings_updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE permission_groups ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- Only owners may read the audit log. Sessions signed in before this migration keep their
-- snapshot (R8), so owners' existing sessions get the grant they would have signed in with.
ALTER TABLE sessions ADD COLUMN view_audit_log INTEGER NOT NULL DEFAULT 0 CHECK (view_audit_log IN (0, 1));
UPDATE sessions SET view_audit_log = 1
 WHERE member_id IN (SELECT id FROM team_members WHERE role = 'owner');

-- Who changed what, when, with the state before and after (JSON). The actor's name is copied
-- so an entry reads the same after the member is renamed; there is deliberately no foreign
-- key, so no later change to the team can rewrite or delete history.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  actor_id    INTEGER NOT NULL,
  actor_name  TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('settings.update', 'group.create', 'group.update',
                                              'member.update', 'member.signOutEverywhere')),
  subject     TEXT NOT NULL,
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  after       TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;

-- Uploaded files. sender_key uses the messages table's form ('c:<client id>', 'm:<member id>'):
-- an upload can only be attached by whoever uploaded it. message_id stays NULL until the
-- upload is sent with a message; position orders a message's attachments.
CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  sender_key    TEXT NOT NULL CHECK (sender_key GLOB 'c:[1-9]*' OR sender_key GLOB 'm:[1-9]*'),
  message_id    INTEGER REFERENCES messages (id) ON DELETE CASCADE,
  position      INTEGER CHECK (position >= 0),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  content_type  TEXT NOT NULL CHECK (content_type IN (${contentTypes})),
  size          INTEGER NOT NULL CHECK (size > 0),
  created_at    INTEGER NOT NULL,
  CHECK ((message_id IS NULL) = (position IS NULL))
) STRICT;
CREATE UNIQUE INDEX attachments_by_message ON attachments (message_id, position) WHERE message_id IS NOT NULL;
-- Uploads waiting to be sent: counted per sender (upload limit) and swept when abandoned.
CREATE INDEX attachments_unattached_by_sender ON attachments (sender_key) WHERE message_id IS NULL;
CREATE INDEX attachments_unattached_by_age ON attachments (created_at) WHERE message_id IS NULL;

-- The bytes live in their own table, so listing metadata never pages through blobs, and a
-- backup of the one database file includes every attachment.
CREATE TABLE attachment_contents (
  attachment_id  INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
  bytes          BLOB NOT NULL
) STRICT;
`;
