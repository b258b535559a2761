// The migration that lets a team member be deactivated: every member stays active, a PIN's
// clearance records survive the rebuilt table, 'deactivated' becomes a reason a PIN was cleared,
// and the table still goes with its member.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('deactivated team members');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO permission_groups (id, name, access_chats, reply_chats) VALUES (1, 'Front desk', 1, 1);
    INSERT INTO team_members (id, name, email, password_hash, role, group_id, created_at)
      VALUES (1, 'Fred Desk', 'fred@salon.example', 'x', 'member', 1, 0), (2, 'Gina Desk', 'gina@salon.example', 'x', 'member', 1, 0);
    INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (1, 'password-reset', 7);
  `);
});
afterEach(() => fixture.close());

describe('migration: deactivated team members', () => {
  it('keeps every member active and every PIN clearance, and takes a deactivation time', () => {
    migrate(db);
    expect(db.prepare('SELECT id, deactivated_at FROM team_members ORDER BY id').all()).toEqual([
      { id: 1, deactivated_at: null },
      { id: 2, deactivated_at: null },
    ]);
    expect(db.prepare('SELECT member_id, reason, cleared_at FROM pin_clearances').all()).toEqual([{ member_id: 1, reason: 'password-reset', cleared_at: 7 }]);
    db.exec('UPDATE team_members SET deactivated_at = 5 WHERE id = 2');
    expect(() => db.exec('UPDATE team_members SET deactivated_at = -1 WHERE id = 1')).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE team_members SET deactivated_at = 'soon' WHERE id = 1")).toThrow(/cannot store TEXT/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it("records 'deactivated' as why a PIN was cleared, refuses unknown reasons, and goes with the member", () => {
    migrate(db);
    db.exec("INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (2, 'deactivated', 9)");
    expect(() => db.exec("UPDATE pin_clearances SET reason = 'forgot' WHERE member_id = 1")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO pin_clearances (member_id, reason, cleared_at) VALUES (2, 'password-reset', 10)")).toThrow(/UNIQUE|PRIMARY/);
    db.exec('DELETE FROM team_members WHERE id = 2');
    expect(db.prepare('SELECT member_id FROM pin_clearances').all()).toEqual([{ member_id: 1 }]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'pin_clearances'").get()).toMatchObject({ sql: expect.stringContaining('STRICT') });
  });
});
