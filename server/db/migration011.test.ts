// The migration that remembers why a member's PIN was cleared: it keeps every PIN as it was,
// takes only the three reasons, and goes with the member.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('why a PIN was cleared');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO permission_groups (id, name, access_chats, reply_chats) VALUES (1, 'Front desk', 1, 1);
    INSERT INTO team_members (id, name, email, password_hash, role, group_id, created_at)
      VALUES (1, 'Fred Desk', 'fred@salon.example', 'x', 'member', 1, 0), (2, 'Gina Desk', 'gina@salon.example', 'x', 'member', 1, 0);
    INSERT INTO member_pins (member_id, pin_hash, failed_attempts, updated_at) VALUES (1, 'pin-hash', 2, 0);
  `);
});
afterEach(() => fixture.close());

describe('migration: why a PIN was cleared', () => {
  it('keeps existing PINs, records one reason per member, and refuses any other reason', () => {
    migrate(db);
    expect(db.prepare('SELECT member_id, pin_hash, failed_attempts FROM member_pins').all()).toEqual([{ member_id: 1, pin_hash: 'pin-hash', failed_attempts: 2 }]);
    db.exec("INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (2, 'password-reset', 5)");
    expect(() => db.exec("INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (2, 'signed-out-everywhere', 6)")).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.exec("INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (1, 'forgot', 6)")).toThrow(/CHECK/);
    db.exec('DELETE FROM team_members WHERE id = 2');
    expect(db.prepare('SELECT count(*) AS n FROM pin_clearances').get()).toEqual({ n: 0 });
  });
});
