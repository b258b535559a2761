// Migration 16: finding any client of the workspace by name, email or mobile number, to start a
// conversation with them (clients without a conversation too). An external-content FTS5 index
// over the three columns of `clients`, kept in step by triggers: clients are few and change
// rarely. The unicode61 tokenizer splits an email at its punctuation ("grace.kim@example.com"
// → grace, kim, example, com) and keeps a stored mobile number's digits as one token
// ("+447400900107" → 447400900107), so a typed start of a number is a prefix query. rowid is
// the client id, so "newest clients first" is a descending rowid walk with a LIMIT, like the
// name index of migration 5 (which the inbox search keeps using for its conversation matches).
export const clientDirectorySearch = `
CREATE VIRTUAL TABLE client_directory_fts USING fts5(
  name, email, mobile, content = 'clients', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8'
);
CREATE TRIGGER client_directory_fts_insert AFTER INSERT ON clients BEGIN
  INSERT INTO client_directory_fts (rowid, name, email, mobile) VALUES (new.id, new.name, new.email, new.mobile);
END;
CREATE TRIGGER client_directory_fts_delete AFTER DELETE ON clients BEGIN
  INSERT INTO client_directory_fts (client_directory_fts, rowid, name, email, mobile)
    VALUES ('delete', old.id, old.name, old.email, old.mobile);
END;
CREATE TRIGGER client_directory_fts_update AFTER UPDATE OF name, email, mobile ON clients BEGIN
  INSERT INTO client_directory_fts (client_directory_fts, rowid, name, email, mobile)
    VALUES ('delete', old.id, old.name, old.email, old.mobile);
  INSERT INTO client_directory_fts (rowid, name, email, mobile) VALUES (new.id, new.name, new.email, new.mobile);
END;
INSERT INTO client_directory_fts (client_directory_fts) VALUES ('rebuild');
`;
