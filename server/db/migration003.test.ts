// Migration 3 on a version 2 database full of data: clients keep their details with email and
// text off, the audit log keeps every entry (and stays append-only) while accepting new
// actions, and the new tables guard their own rules.
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

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-migrate-003-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db, migrations.slice(0, 2));
  db.exec(`
    INSERT INTO workspace (id, name, country) VALUES (1, 'Salon', 'GB');
    INSERT INTO locations (id, name) VALUES (1, 'North');
    INSERT INTO team_members (id, name, email, password_hash, role, group_id, created_at)
      VALUES (1, 'Olga Owner', 'olga@salon.example', 'x', 'owner', NULL, 0);
    INSERT INTO clients (id, name, mobile, email, created_at) VALUES (1, 'Ann', '+447400900101', 'ann@example.com', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 5);
    INSERT INTO messages (conversation_id, author_kind, author_member_id, client_message_id, text, created_at)
      VALUES (1, 'staff', 1, 'a', 'Hello', 1);
    INSERT INTO audit_log (at, actor_id, actor_name, action, subject, before, after)
      VALUES (1, 1, 'Olga Owner', 'settings.update', 'Client Connect settings', '{"readReceipts":true}', '{"readReceipts":false}'),
             (2, 1, 'Olga Owner', 'group.create', 'Permission group Desk', NULL, '{"name":"Desk"}');
  `);
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 3', () => {
  it('keeps clients and the audit log as they were, with email and text off', () => {
    expect(migrate(db, migrations.slice(0, 3))).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    migrate(db);
    const repos = createRepositories(db);
    expect(repos.clientProfiles.find(1)).toEqual({
      clientId: 1, name: 'Ann', mobile: '+447400900101', email: 'ann@example.com',
      notifications: { inApp: true, email: false, sms: false }, country: 'GB', version: 1, updated: null,
    });
    expect(repos.audit.page(null, 10).items.map((entry) => [entry.id, entry.action, entry.before, entry.after])).toEqual([
      [2, 'group.create', null, { name: 'Desk' }],
      [1, 'settings.update', { readReceipts: true }, { readReceipts: false }],
    ]);
    expect(repos.profile.get(1)).toMatchObject({ version: 0 });
  });

  it('leaves the audit log append-only, continuing its ids, open to new actions of the right shape', () => {
    migrate(db, migrations.slice(0, 3));
    const insert = db.prepare("INSERT INTO audit_log (at, actor_id, actor_name, action, subject) VALUES (3, 1, 'Olga', ?, 's')");
    expect(Number(insert.run('client.update').lastInsertRowid)).toBe(3);
    expect(() => insert.run('DROP TABLE')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE audit_log SET subject = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('adds STRICT outbox and preference tables: one delivery per message and channel', () => {
    migrate(db, migrations.slice(0, 3));
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1").all() as { name: string }[];
    expect(strict.map((row) => row.name)).toEqual(expect.arrayContaining(['deliveries', 'member_notification_prefs', 'audit_log']));
    const insert = db.prepare(
      "INSERT INTO deliveries (message_id, channel, address, idempotency_key, state, next_attempt_at, created_at, updated_at) VALUES (1, ?, 'ann@example.com', ?, ?, 0, 0, 0)",
    );
    insert.run('email', 'k1', 'pending');
    expect(() => insert.run('email', 'k2', 'pending')).toThrow(/UNIQUE/);
    expect(() => insert.run('sms', 'k1', 'pending')).toThrow(/UNIQUE/);
    expect(() => insert.run('fax', 'k3', 'pending')).toThrow(/CHECK/);
    expect(() => insert.run('sms', 'k4', 'lost')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE clients SET sms_notifications = 2").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO member_notification_prefs VALUES (1, 'not json', 1, 0)").run()).toThrow(/CHECK/);
    // A deleted message takes its deliveries with it.
    db.prepare('DELETE FROM messages').run();
    expect(db.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 0 });
  });
});
