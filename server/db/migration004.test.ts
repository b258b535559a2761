// Migration 4 on a database at version 3 with sessions in use: existing sessions count as
// password sign-ins, and the new tables guard their own rules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../repositories';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { closeDatabase, openDatabase } from './open';

let dir: string;
let db: Database;
const token = Buffer.alloc(32, 7);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-migrate-004-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db, migrations.slice(0, 3));
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North'), (2, 'South');
    INSERT INTO permission_groups (id, name, access_chats, reply_chats) VALUES (1, 'Front desk', 1, 1);
    INSERT INTO team_members (id, name, email, password_hash, role, group_id, created_at)
      VALUES (1, 'Fred Desk', 'fred@salon.example', 'x', 'member', 1, 0);
    INSERT INTO member_locations (member_id, location_id) VALUES (1, 1);
  `);
  db.prepare(
    `INSERT INTO sessions (token_hash, member_id, access_chats, reply_chats, manage_settings, manage_team, view_audit_log, location_ids, created_at, expires_at)
     VALUES (?, 1, 1, 1, 0, 0, 0, '[1]', 0, 9999999999999)`,
  ).run(token);
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 4', () => {
  it('keeps existing sessions working as password sign-ins', () => {
    // Later migrations run too: repositories speak the newest schema.
    expect(migrate(db)).toEqual(migrations.slice(3).map((migration) => migration.version));
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(createRepositories(db).sessions.findActive(token, 0)).toMatchObject({ memberId: 1, signInMethod: 'password', locationIds: [1] });
  });

  it('adds STRICT PIN and device tables whose rows go with their member or location', () => {
    migrate(db);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1").all() as { name: string }[];
    expect(strict.map((row) => row.name)).toEqual(expect.arrayContaining(['member_pins', 'reception_devices']));
    const reception = createRepositories(db).reception;
    reception.setPin(1, 'scrypt$hash', 5);
    reception.registerDevice(Buffer.alloc(32, 9), 1, 1, 5);
    expect(reception.roster(1)).toEqual([{ id: 1, name: 'Fred Desk', pinLocked: false }]);
    expect(reception.roster(2)).toEqual([]);

    expect(() => db.prepare("UPDATE sessions SET sign_in_method = 'magic'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE member_pins SET failed_attempts = -1').run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM locations WHERE id = 1').run();
    expect(reception.deviceByTokenHash(Buffer.alloc(32, 9))).toBeNull();
    db.prepare('DELETE FROM team_members WHERE id = 1').run();
    expect(reception.pinOf(1)).toBeNull();
  });
});
