// Migration 17: the inbox's counts kept as counters, so asking for them costs the same at a
// hundred conversations as at a hundred thousand. Counting by walking the views' indexes grew
// with the workspace (a member with ten thousand unread conversations waited ~10 ms per count
// request, and every change asks again).
//
// - conversation_counts: conversations per location, status and assignee (0 = nobody), kept by
//   triggers on conversations. Open, Mine, Unassigned, Snoozed and Done are sums of its rows.
// - member_unread_open: per member and location, the open conversations with something this
//   member has not read (the badge). A row of member_reads counts while its unread_count > 0
//   and its conversation is open, so it is kept by triggers on both tables: a member's read or
//   a new client message flips one row; a status change flips every member with unread there.
//
// The triggers run inside the statement that changes the row, so a counter can never disagree
// with the rows it counts; a test recounts after seeded random changes. Decrements are UPDATEs of
// their own, never an upsert of -1: SQLite checks n >= 0 on the row to insert before it sees
// the conflict.
export const triageCounters = `
CREATE TABLE conversation_counts (
  location_id   INTEGER NOT NULL,
  status        TEXT NOT NULL,
  assignee_key  INTEGER NOT NULL,
  n             INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (location_id, status, assignee_key)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER conversation_counts_insert AFTER INSERT ON conversations BEGIN
  INSERT INTO conversation_counts (location_id, status, assignee_key, n)
    VALUES (new.location_id, new.status, coalesce(new.assignee_member_id, 0), 1)
    ON CONFLICT (location_id, status, assignee_key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER conversation_counts_delete AFTER DELETE ON conversations BEGIN
  UPDATE conversation_counts SET n = n - 1
    WHERE location_id = old.location_id AND status = old.status AND assignee_key = coalesce(old.assignee_member_id, 0);
END;
CREATE TRIGGER conversation_counts_update AFTER UPDATE OF location_id, status, assignee_member_id ON conversations
  WHEN old.location_id IS NOT new.location_id OR old.status IS NOT new.status
    OR old.assignee_member_id IS NOT new.assignee_member_id
BEGIN
  UPDATE conversation_counts SET n = n - 1
    WHERE location_id = old.location_id AND status = old.status AND assignee_key = coalesce(old.assignee_member_id, 0);
  INSERT INTO conversation_counts (location_id, status, assignee_key, n)
    VALUES (new.location_id, new.status, coalesce(new.assignee_member_id, 0), 1)
    ON CONFLICT (location_id, status, assignee_key) DO UPDATE SET n = n + 1;
END;

CREATE TABLE member_unread_open (
  member_id    INTEGER NOT NULL,
  location_id  INTEGER NOT NULL,
  n            INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (member_id, location_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER member_unread_open_read_insert AFTER INSERT ON member_reads
  WHEN new.unread_count > 0 AND (SELECT status FROM conversations WHERE id = new.conversation_id) = 'open'
BEGIN
  INSERT INTO member_unread_open (member_id, location_id, n) VALUES (new.member_id, new.location_id, 1)
    ON CONFLICT (member_id, location_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER member_unread_open_read_delete AFTER DELETE ON member_reads
  WHEN old.unread_count > 0 AND (SELECT status FROM conversations WHERE id = old.conversation_id) = 'open'
BEGIN
  UPDATE member_unread_open SET n = n - 1 WHERE member_id = old.member_id AND location_id = old.location_id;
END;
CREATE TRIGGER member_unread_open_read_update AFTER UPDATE OF member_id, location_id, unread_count ON member_reads
  WHEN ((old.unread_count > 0) IS NOT (new.unread_count > 0) OR old.member_id IS NOT new.member_id
      OR old.location_id IS NOT new.location_id)
    AND (SELECT status FROM conversations WHERE id = new.conversation_id) = 'open'
BEGIN
  UPDATE member_unread_open SET n = n - 1
    WHERE old.unread_count > 0 AND member_id = old.member_id AND location_id = old.location_id;
  INSERT INTO member_unread_open (member_id, location_id, n)
    SELECT new.member_id, new.location_id, 1 WHERE new.unread_count > 0
    ON CONFLICT (member_id, location_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER member_unread_open_status AFTER UPDATE OF status ON conversations
  WHEN (old.status = 'open') IS NOT (new.status = 'open')
BEGIN
  INSERT INTO member_unread_open (member_id, location_id, n)
    SELECT r.member_id, r.location_id, 1 FROM member_reads r
    WHERE new.status = 'open' AND r.conversation_id = new.id AND r.unread_count > 0
    ON CONFLICT (member_id, location_id) DO UPDATE SET n = n + 1;
  UPDATE member_unread_open SET n = n - 1
    WHERE new.status IS NOT 'open' AND (member_id, location_id) IN (
      SELECT r.member_id, r.location_id FROM member_reads r WHERE r.conversation_id = new.id AND r.unread_count > 0);
END;
-- Before the row goes, while its unread rows still see it open (their own delete trigger then
-- finds no open conversation and leaves the counter alone).
CREATE TRIGGER member_unread_open_conversation_delete BEFORE DELETE ON conversations
  WHEN old.status = 'open'
BEGIN
  UPDATE member_unread_open SET n = n - 1
    WHERE (member_id, location_id) IN (
      SELECT r.member_id, r.location_id FROM member_reads r WHERE r.conversation_id = old.id AND r.unread_count > 0);
END;

INSERT INTO conversation_counts (location_id, status, assignee_key, n)
  SELECT location_id, status, coalesce(assignee_member_id, 0), count(*) FROM conversations
  GROUP BY location_id, status, coalesce(assignee_member_id, 0);
INSERT INTO member_unread_open (member_id, location_id, n)
  SELECT r.member_id, r.location_id, count(*) FROM member_reads r JOIN conversations c ON c.id = r.conversation_id
  WHERE r.unread_count > 0 AND c.status = 'open'
  GROUP BY r.member_id, r.location_id;
`;
