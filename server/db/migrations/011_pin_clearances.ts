// Why a member's quick-switch PIN was taken away: a password reset by a manager, a sign-out
// everywhere, or their own password change ends the PIN too (whoever learned it must not keep
// a way in). The Profile's PIN card tells the member why until they set a new one. One row per
// member, replaced by the next clearance and deleted when a PIN is set again. Append-only once
// landed.
export const pinClearances = `
CREATE TABLE pin_clearances (
  member_id   INTEGER PRIMARY KEY REFERENCES team_members (id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('password-reset', 'password-changed', 'signed-out-everywhere')),
  cleared_at  INTEGER NOT NULL
) STRICT;
`;
