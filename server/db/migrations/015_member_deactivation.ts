// A manager can deactivate a team member instead of deleting them: their messages and audit
// history keep their name, but they cannot sign in and leave the active team. NULL while active;
// otherwise when they were deactivated. Deactivating also clears their quick-switch PIN, so the
// reasons a PIN was cleared gain 'deactivated' (the table is rebuilt: SQLite cannot change a
// CHECK in place). Append-only once landed.
export const memberDeactivation = `
ALTER TABLE team_members ADD COLUMN deactivated_at INTEGER CHECK (deactivated_at IS NULL OR deactivated_at >= 0);

CREATE TABLE pin_clearances_new (
  member_id   INTEGER PRIMARY KEY REFERENCES team_members (id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('password-reset', 'password-changed', 'signed-out-everywhere', 'deactivated')),
  cleared_at  INTEGER NOT NULL
) STRICT;
INSERT INTO pin_clearances_new (member_id, reason, cleared_at) SELECT member_id, reason, cleared_at FROM pin_clearances;
DROP TABLE pin_clearances;
ALTER TABLE pin_clearances_new RENAME TO pin_clearances;
`;
