// Migration 5: full-text search over message text and client names, and the partial indexes
// that keep the unread-only inbox pages a bounded index walk at scale. Self-contained: it
// needs only the tables of migration 1.
//
// The FTS5 tables are external-content indexes (they store only the index, the text stays in
// messages/clients). rowid is the message id (or client id), so "newest matches first" is a
// descending rowid walk FTS5 answers without sorting. The search box matches the last word as
// a prefix (search as you type); without a prefix index FTS5 answers a prefix query by merging
// every matching doclist up front (~15 ms at 1M messages for a common word), with one it walks
// lazily like a whole word (well under 1 ms), so prefixes of 1–8 characters get one.
//
// Messages are indexed by the search repository, not by a trigger: indexing costs more than
// the message insert itself, so it is kept off the send path and done in batches shortly after
// (and always before a search runs). search_index_state says how far the index reaches;
// changes to messages already indexed are applied by the triggers below.
export const searchAndInboxIndexes = `
CREATE VIRTUAL TABLE messages_fts USING fts5(
  text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8'
);
CREATE TABLE search_index_state (
  id                      INTEGER PRIMARY KEY CHECK (id = 1),
  messages_indexed_up_to  INTEGER NOT NULL CHECK (messages_indexed_up_to >= 0)
) STRICT;
INSERT INTO search_index_state (id, messages_indexed_up_to) VALUES (1, (SELECT coalesce(max(id), 0) FROM messages));
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
  WHEN old.id <= (SELECT messages_indexed_up_to FROM search_index_state) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
  WHEN old.id <= (SELECT messages_indexed_up_to FROM search_index_state) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;

-- Client names are few and change rarely: triggers keep their index in step.
CREATE VIRTUAL TABLE clients_fts USING fts5(
  name, content = 'clients', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8'
);
CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
  INSERT INTO clients_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER clients_fts_update AFTER UPDATE OF name ON clients BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO clients_fts (rowid, name) VALUES (new.id, new.name);
END;
INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');

-- Unread-only inbox pages walk only conversations with unread messages, however few there
-- are among 100k, instead of filtering the full activity index.
CREATE INDEX conversations_unread_by_activity
  ON conversations (last_activity_at DESC, id DESC) WHERE unread_count > 0;
CREATE INDEX conversations_unread_by_location_activity
  ON conversations (location_id, last_activity_at DESC, id DESC) WHERE unread_count > 0;
`;
