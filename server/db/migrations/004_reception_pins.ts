// Migration 4: quick switching on shared reception computers. PINs live in their own
// table (so a member without one has no row), reception computers are registered devices bound
// to a location, and a session remembers whether it began with a password or a PIN.
// Append-only once landed.
export const receptionPins = `
-- A PIN is hashed like a password. Consecutive wrong PINs are counted here, not in memory, so
-- a restart forgives nothing; locked_at is set at the limit and only a password sign-in
-- clears it.
CREATE TABLE member_pins (
  member_id        INTEGER PRIMARY KEY REFERENCES team_members (id) ON DELETE CASCADE,
  pin_hash         TEXT NOT NULL,
  failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_at        INTEGER,
  updated_at       INTEGER NOT NULL
) STRICT;

-- A computer a password sign-in registered for PIN switching at one location. Only the
-- SHA-256 of its token is stored. Its own wrong-PIN count locks it the same way.
CREATE TABLE reception_devices (
  id               INTEGER PRIMARY KEY,
  token_hash       BLOB NOT NULL UNIQUE,
  location_id      INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  registered_by    INTEGER REFERENCES team_members (id) ON DELETE SET NULL,
  registered_at    INTEGER NOT NULL,
  failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_at        INTEGER
) STRICT;
CREATE INDEX reception_devices_by_location ON reception_devices (location_id);

-- Registering a computer needs a session that began with a password, not a PIN.
ALTER TABLE sessions ADD COLUMN sign_in_method TEXT NOT NULL DEFAULT 'password'
  CHECK (sign_in_method IN ('password', 'pin'));
`;
