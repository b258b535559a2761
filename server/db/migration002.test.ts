// Migration 2 on a database that is at version 1 and full of data: nothing is lost, existing
// rows get sensible versions, owners' live sessions keep working with the audit grant.
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
const ownerToken = Buffer.alloc(32, 1);
const memberToken = Buffer.alloc(32, 2);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-migrate-002-'));
  db = openDatabase(join(dir, 'inbox.sqlite3'));
  migrate(db, migrations.slice(0, 1));
  db.exec(`
    INSERT INTO workspace (id, name, enabled, read_receipts) VALUES (1, 'Salon', 0, 0);
    INSERT INTO locations (id, name) VALUES (1, 'North'), (2, 'South');
    INSERT INTO permission_groups (id, name, access_chats, reply_chats) VALUES (1, 'Front desk', 1, 1);
    INSERT INTO team_members (id, name, email, password_hash, role, group_id, created_at)
      VALUES (1, 'Olga Owner', 'olga@salon.example', 'x', 'owner', NULL, 0),
             (2, 'Fred Desk', 'fred@salon.example', 'x', 'member', 1, 0);
    INSERT INTO member_locations (member_id, location_id) VALUES (2, 1);
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 5);
    INSERT INTO messages (conversation_id, author_kind, author_client_id, client_message_id, text, created_at)
      VALUES (1, 'client', 1, 'a', 'Hello', 1), (1, 'client', 1, 'b', 'Anyone?', 2);
  `);
  const insertSession = db.prepare(
    `INSERT INTO sessions (token_hash, member_id, access_chats, reply_chats, manage_settings, manage_team, location_ids, created_at, expires_at)
     VALUES (?, ?, 1, 1, ?, ?, ?, 0, 9999999999999)`,
  );
  insertSession.run(ownerToken, 1, 1, 1, '[1,2]');
  insertSession.run(memberToken, 2, 0, 0, '[1]');
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 2', () => {
  it('upgrades a version 1 database without losing or changing its data', () => {
    expect(migrate(db)).toEqual(migrations.slice(1).map((migration) => migration.version));
    expect(schemaVersion(db)).toBe(migrations.length);
    const repos = createRepositories(db);

    expect(repos.workspace.settingsState()).toEqual({
      settings: { enabled: false, contactButton: true, readReceipts: false, typingIndicator: true },
      version: 1,
      updatedAt: 0,
    });
    expect(repos.groups.list()).toEqual([
      { id: 1, name: 'Front desk', grants: { accessChats: true, replyChats: true, manageSettings: false, manageTeam: false }, memberCount: 1, version: 1 },
    ]);
    expect(repos.messages.page(1, null, 10).items.map((message) => [message.text, message.attachments])).toEqual([
      ['Hello', []],
      ['Anyone?', []],
    ]);
    expect(repos.team.list().map((member) => [member.name, member.groupId, member.locationIds])).toEqual([
      ['Fred Desk', 1, [1]],
      ['Olga Owner', null, [1, 2]],
    ]);
  });

  it('gives owners\' existing sessions the audit grant they would sign in with, and no one else', () => {
    migrate(db);
    const sessions = createRepositories(db).sessions;
    expect(sessions.findActive(ownerToken, 0)?.grants.viewAuditLog).toBe(true);
    expect(sessions.findActive(memberToken, 0)?.grants).toEqual({
      accessChats: true, replyChats: true, manageSettings: false, manageTeam: false, viewAuditLog: false,
    });
  });

  it('adds STRICT audit and attachment tables that guard their own rules', () => {
    migrate(db);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1").all() as { name: string }[];
    expect(strict.map((row) => row.name)).toEqual(expect.arrayContaining(['audit_log', 'attachments', 'attachment_contents']));

    db.prepare("INSERT INTO audit_log (at, actor_id, actor_name, action, subject, before, after) VALUES (1, 1, 'Olga', 'settings.update', 's', '{}', '{}')").run();
    expect(() => db.prepare("UPDATE audit_log SET subject = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log (at, actor_id, actor_name, action, subject) VALUES (1, 1, 'x', 'member.delete', 's')").run()).toThrow(/CHECK/);

    const insert = db.prepare("INSERT INTO attachments (sender_key, name, content_type, size, created_at) VALUES (?, 'a.png', ?, 3, 0)");
    expect(() => insert.run('x:1', 'image/png')).toThrow(/CHECK/);
    expect(() => insert.run('c:1', 'image/svg+xml')).toThrow(/CHECK/);
    const id = Number(insert.run('c:1', 'image/png').lastInsertRowid);
    db.prepare('INSERT INTO attachment_contents (attachment_id, bytes) VALUES (?, ?)').run(id, Buffer.from([1, 2, 3]));
    // Sent with a message, it goes when the message goes.
    db.prepare('UPDATE attachments SET message_id = 1, position = 0 WHERE id = ?').run(id);
    expect(() => db.prepare('UPDATE attachments SET position = NULL WHERE id = ?').run(id)).toThrow(/CHECK/);
    db.prepare('DELETE FROM messages WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM attachment_contents').get()).toEqual({ n: 0 });
  });
});
