// Migration 14: what attachments take on disk, kept as one running total so the storage quota
// is checked in O(1) on every upload, and an index to add up what one sender uploaded in the
// last day (the clients' daily upload limit). Append-only once landed.
export const attachmentStorage = `
CREATE TABLE attachment_storage (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  total_bytes  INTEGER NOT NULL CHECK (total_bytes >= 0)
) STRICT;
INSERT INTO attachment_storage (id, total_bytes) SELECT 1, coalesce(sum(size), 0) FROM attachments;
-- Every way a row comes or goes (an upload, the sweep of unsent ones, a cascade) passes here.
CREATE TRIGGER attachment_storage_on_insert AFTER INSERT ON attachments
BEGIN UPDATE attachment_storage SET total_bytes = total_bytes + NEW.size WHERE id = 1; END;
CREATE TRIGGER attachment_storage_on_delete AFTER DELETE ON attachments
BEGIN UPDATE attachment_storage SET total_bytes = total_bytes - OLD.size WHERE id = 1; END;
CREATE INDEX attachments_by_sender_age ON attachments (sender_key, created_at);
`;
