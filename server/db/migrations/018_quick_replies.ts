// Migration 18: the workspace's quick replies (saved replies staff pick in the composer). A
// reply with no row in quick_reply_locations is offered at every location; with rows, only at
// those. The library is read whole, by title (quick_replies_by_title, so no sort), and a
// location's part of it through the (reply, location) key. Append-only once landed.
export const quickReplies = `
CREATE TABLE quick_replies (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX quick_replies_by_title ON quick_replies (title COLLATE NOCASE, id);

CREATE TABLE quick_reply_locations (
  quick_reply_id  INTEGER NOT NULL REFERENCES quick_replies (id) ON DELETE CASCADE,
  location_id     INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  PRIMARY KEY (quick_reply_id, location_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quick_reply_locations_by_location ON quick_reply_locations (location_id);
`;
