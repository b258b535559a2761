// Migration 9: the message search index moves to a file of its own beside the
// database (search/searchIndex.ts), written by a worker thread that never holds this
// database's write lock. Its old tables and triggers here go; the new file is built from the
// messages in the background when the server first starts. Client names keep their index here
// (few, changed rarely, kept in step by triggers).
//
// database_identity names this database (a backup copy carries the same name), so an index file
// that was built for another database is recognised and rebuilt. Append-only once landed.
export const searchIndexFile = `
CREATE TABLE database_identity (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  token  TEXT NOT NULL
) STRICT;
INSERT INTO database_identity (id, token) VALUES (1, lower(hex(randomblob(16))));
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;
DROP TABLE search_index_state;
`;
