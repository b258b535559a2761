// Migration 21: opening hours and the after-hours automatic reply. One row per location that a
// manager has saved (none: closed all week, reply off). The weekly hours and closed dates are
// JSON, validated by the protocol's schema on the way in and out: they are read and written
// whole, never queried inside. after_hours_replies remembers when each conversation last got
// the automatic reply, so "at most once in 12 hours" holds across restarts; it is written in
// the same transaction as the reply. messages.automatic marks that reply for staff.
export const afterHours = `
CREATE TABLE location_hours (
  location_id      INTEGER PRIMARY KEY REFERENCES locations (id) ON DELETE CASCADE,
  weekly           TEXT NOT NULL CHECK (json_valid(weekly)),
  closed_dates     TEXT NOT NULL CHECK (json_valid(closed_dates)),
  reply_enabled    INTEGER NOT NULL DEFAULT 0 CHECK (reply_enabled IN (0, 1)),
  reply_text       TEXT NOT NULL DEFAULT '',
  -- The manager who last saved the reply: automatic replies go out in their name.
  reply_author_id  INTEGER REFERENCES team_members (id),
  version          INTEGER NOT NULL CHECK (version > 0),
  updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE after_hours_replies (
  conversation_id  INTEGER PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  sent_at          INTEGER NOT NULL
) STRICT;

ALTER TABLE messages ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1));
`;
