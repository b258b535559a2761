// Migration 1: the walking skeleton's schema. Append-only once landed: change the schema with a
// new numbered migration, never by editing this one.
//
// Conventions: STRICT tables; times are epoch milliseconds (INTEGER); booleans are 0/1 with a
// CHECK; every foreign key that is searched by has an index.
export const initialSchema = `
CREATE TABLE workspace (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  name              TEXT NOT NULL,
  country           TEXT NOT NULL DEFAULT '',
  enabled           INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  contact_button    INTEGER NOT NULL DEFAULT 1 CHECK (contact_button IN (0, 1)),
  read_receipts     INTEGER NOT NULL DEFAULT 1 CHECK (read_receipts IN (0, 1)),
  typing_indicator  INTEGER NOT NULL DEFAULT 1 CHECK (typing_indicator IN (0, 1))
) STRICT;

CREATE TABLE locations (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL
) STRICT;

CREATE TABLE permission_groups (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  access_chats     INTEGER NOT NULL DEFAULT 0 CHECK (access_chats IN (0, 1)),
  reply_chats      INTEGER NOT NULL DEFAULT 0 CHECK (reply_chats IN (0, 1)),
  manage_settings  INTEGER NOT NULL DEFAULT 0 CHECK (manage_settings IN (0, 1)),
  manage_team      INTEGER NOT NULL DEFAULT 0 CHECK (manage_team IN (0, 1))
) STRICT;

CREATE TABLE team_members (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('owner', 'member')),
  group_id       INTEGER REFERENCES permission_groups (id) ON DELETE SET NULL,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX team_members_by_group ON team_members (group_id);

CREATE TABLE member_locations (
  member_id    INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
  location_id  INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  PRIMARY KEY (member_id, location_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_locations_by_location ON member_locations (location_id);

-- Grants and locations are a snapshot taken at sign-in: permission changes apply at the next
-- sign-in (R8). Only the SHA-256 of the bearer token is stored.
CREATE TABLE sessions (
  id               INTEGER PRIMARY KEY,
  token_hash       BLOB NOT NULL UNIQUE,
  member_id        INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
  access_chats     INTEGER NOT NULL CHECK (access_chats IN (0, 1)),
  reply_chats      INTEGER NOT NULL CHECK (reply_chats IN (0, 1)),
  manage_settings  INTEGER NOT NULL CHECK (manage_settings IN (0, 1)),
  manage_team      INTEGER NOT NULL CHECK (manage_team IN (0, 1)),
  location_ids     TEXT NOT NULL CHECK (json_valid(location_ids)),
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  revoked_at       INTEGER
) STRICT;
CREATE INDEX sessions_by_member ON sessions (member_id);

CREATE TABLE clients (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  mobile      TEXT,
  email       TEXT,
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE client_tokens (
  id          INTEGER PRIMARY KEY,
  token_hash  BLOB NOT NULL UNIQUE,
  client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
) STRICT;
CREATE INDEX client_tokens_by_client ON client_tokens (client_id);

CREATE TABLE appointments (
  id               INTEGER PRIMARY KEY,
  client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  location_id      INTEGER NOT NULL REFERENCES locations (id),
  service          TEXT NOT NULL,
  staff_member_id  INTEGER REFERENCES team_members (id) ON DELETE SET NULL,
  starts_at        INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('booked', 'confirmed', 'cancelled', 'completed'))
) STRICT;
CREATE INDEX appointments_by_client ON appointments (client_id, starts_at);
CREATE INDEX appointments_by_location ON appointments (location_id, starts_at);
CREATE INDEX appointments_by_staff ON appointments (staff_member_id);

-- One conversation per client per location. unread_count (client messages the business has
-- not read) and client_unread_count (business messages the client has not read) are stored
-- counters so the inbox list never counts messages.
CREATE TABLE conversations (
  id                   INTEGER PRIMARY KEY,
  client_id            INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  location_id          INTEGER NOT NULL REFERENCES locations (id),
  created_at           INTEGER NOT NULL,
  last_activity_at     INTEGER NOT NULL,
  last_message_id      INTEGER REFERENCES messages (id) ON DELETE SET NULL,
  last_appointment_id  INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
  unread_count         INTEGER NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
  client_unread_count  INTEGER NOT NULL DEFAULT 0 CHECK (client_unread_count >= 0),
  UNIQUE (client_id, location_id)
) STRICT;
CREATE INDEX conversations_by_activity ON conversations (last_activity_at DESC, id DESC);
CREATE INDEX conversations_by_location_activity
  ON conversations (location_id, last_activity_at DESC, id DESC);
CREATE INDEX conversations_by_last_appointment ON conversations (last_appointment_id);

-- AUTOINCREMENT keeps ids monotonic even after deletes, so "messages before id N" is a stable
-- page boundary. sender_key ('c:<client id>' or 'm:<member id>') scopes the sender-generated
-- client_message_id: a retried send is stored once, and no sender can collide with another.
CREATE TABLE messages (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id    INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  author_kind        TEXT NOT NULL CHECK (author_kind IN ('client', 'staff')),
  author_client_id   INTEGER REFERENCES clients (id) ON DELETE CASCADE,
  author_member_id   INTEGER REFERENCES team_members (id),
  sender_key         TEXT NOT NULL GENERATED ALWAYS AS (
                       CASE author_kind WHEN 'client' THEN 'c:' || author_client_id
                                        ELSE 'm:' || author_member_id END) VIRTUAL,
  client_message_id  TEXT NOT NULL,
  appointment_id     INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
  text               TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  read_at            INTEGER,
  CHECK ((author_kind = 'client') = (author_client_id IS NOT NULL)),
  CHECK ((author_kind = 'staff') = (author_member_id IS NOT NULL))
) STRICT;
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);
CREATE UNIQUE INDEX messages_by_sender_request ON messages (sender_key, client_message_id);
-- Unread messages only: marking read and recounting the unread counters touch just these.
CREATE INDEX messages_unread ON messages (conversation_id, author_kind, id) WHERE read_at IS NULL;
CREATE INDEX messages_by_member ON messages (author_member_id);
CREATE INDEX messages_by_appointment ON messages (appointment_id);
`;
