// Migration 20: notes the team writes for itself. Internal notes live in a conversation's
// timeline (staff only; their ids are the catch-up position of notes), each with the colleagues
// it mentioned and notified. A client note is one text per client with a version, so a save
// made from an older version is refused instead of overwriting a colleague's. Append-only once
// landed.
export const notes = `
CREATE TABLE conversation_notes (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id   INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  author_member_id  INTEGER NOT NULL REFERENCES team_members (id),
  text              TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  sender_note_id    TEXT NOT NULL,
  created_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX conversation_notes_by_conversation ON conversation_notes (conversation_id, id);
-- A note sent again after a reconnect (same writer, same id) is stored once.
CREATE UNIQUE INDEX conversation_notes_by_client_id ON conversation_notes (author_member_id, sender_note_id);

CREATE TABLE note_mentions (
  note_id    INTEGER NOT NULL REFERENCES conversation_notes (id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES team_members (id),
  PRIMARY KEY (note_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE client_notes (
  client_id             INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  text                  TEXT NOT NULL CHECK (length(text) <= 2000),
  version               INTEGER NOT NULL CHECK (version > 0),
  updated_by_member_id  INTEGER NOT NULL REFERENCES team_members (id),
  updated_at            INTEGER NOT NULL
) STRICT;
`;
