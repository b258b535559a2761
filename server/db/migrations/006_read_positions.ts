// Migration 006: read state with a monotonic position, so a reconnecting app can ask
// "which conversations' read state changed since position N". Message ids already serve as
// the message position and settings_version as the settings one. Append-only once landed.
//
// A trigger keeps it in step with every read marker the repositories write, so no write path
// has to remember it: each message that becomes read bumps the one counter and stamps its
// conversation with the new position and the side's read marker.
export const readPositions = `
CREATE TABLE sync_counter (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  read_position  INTEGER NOT NULL CHECK (read_position >= 0)
) STRICT;
INSERT INTO sync_counter (id, read_position) VALUES (1, 0);

-- business_*: the business read the client's messages; client_*: the client read the business's.
ALTER TABLE conversations ADD COLUMN business_read_up_to INTEGER NOT NULL DEFAULT 0 CHECK (business_read_up_to >= 0);
ALTER TABLE conversations ADD COLUMN business_read_at INTEGER;
ALTER TABLE conversations ADD COLUMN client_read_up_to INTEGER NOT NULL DEFAULT 0 CHECK (client_read_up_to >= 0);
ALTER TABLE conversations ADD COLUMN client_read_at INTEGER;
ALTER TABLE conversations ADD COLUMN read_position INTEGER NOT NULL DEFAULT 0 CHECK (read_position >= 0);

-- Existing read state, at position 0: an app that saw none of it loads pages, not a catch-up.
UPDATE conversations SET
  business_read_up_to = coalesce((SELECT max(id) FROM messages m
     WHERE m.conversation_id = conversations.id AND m.author_kind = 'client' AND m.read_at IS NOT NULL), 0),
  business_read_at = (SELECT max(read_at) FROM messages m
     WHERE m.conversation_id = conversations.id AND m.author_kind = 'client'),
  client_read_up_to = coalesce((SELECT max(id) FROM messages m
     WHERE m.conversation_id = conversations.id AND m.author_kind = 'staff' AND m.read_at IS NOT NULL), 0),
  client_read_at = (SELECT max(read_at) FROM messages m
     WHERE m.conversation_id = conversations.id AND m.author_kind = 'staff');

CREATE INDEX conversations_by_read_position ON conversations (read_position);

CREATE TRIGGER messages_read_position AFTER UPDATE OF read_at ON messages
WHEN old.read_at IS NULL AND new.read_at IS NOT NULL
BEGIN
  UPDATE sync_counter SET read_position = read_position + 1 WHERE id = 1;
  UPDATE conversations SET
    read_position = (SELECT read_position FROM sync_counter WHERE id = 1),
    business_read_up_to = CASE WHEN new.author_kind = 'client' THEN max(business_read_up_to, new.id) ELSE business_read_up_to END,
    business_read_at = CASE WHEN new.author_kind = 'client' THEN new.read_at ELSE business_read_at END,
    client_read_up_to = CASE WHEN new.author_kind = 'staff' THEN max(client_read_up_to, new.id) ELSE client_read_up_to END,
    client_read_at = CASE WHEN new.author_kind = 'staff' THEN new.read_at ELSE client_read_at END
  WHERE id = new.conversation_id;
END;
`;
