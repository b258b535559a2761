// Migration 14 gives conversations a status (answered ones Done, waiting ones Open), snooze,
// assignee and version, adds staff-only events, and turns the business's unread state into
// each member's own: what was unread stays unread for every member who sees it.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration("status, snooze, assignment, events, each member's unread");
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North'), (2, 'South');
    INSERT INTO team_members (id, name, email, password_hash, role, created_at) VALUES
      (1, 'Owner', 'o@x', 'h', 'owner', 0), (2, 'North desk', 'n@x', 'h', 'member', 0), (3, 'South desk', 's@x', 'h', 'member', 0);
    INSERT INTO member_locations (member_id, location_id) VALUES (2, 1), (3, 2);
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0), (2, 'Ben', 0), (3, 'Cy', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at) VALUES (1, 1, 1, 0, 5), (2, 2, 1, 0, 9), (3, 3, 2, 0, 7);
    INSERT INTO messages (id, conversation_id, author_kind, author_client_id, author_member_id, client_message_id, text, created_at, read_at) VALUES
      (1, 1, 'client', 1, NULL, 'a', 'Hi', 1, NULL),
      (2, 2, 'client', 2, NULL, 'b', 'Hello', 2, 3),
      (3, 2, 'staff', NULL, 2, 'c', 'Hi Ben', 9, NULL),
      (4, 3, 'client', 3, NULL, 'd', 'Read but not answered', 7, 8);
    UPDATE conversations SET last_message_id = 1, unread_count = 1 WHERE id = 1;
    UPDATE conversations SET last_message_id = 3 WHERE id = 2;
    UPDATE conversations SET last_message_id = 4 WHERE id = 3;
  `);
});
afterEach(() => fixture.close());

describe('migration 014', () => {
  it('leaves waiting conversations Open and answered ones Done', () => {
    migrate(db);
    expect(db.prepare('SELECT id, status, snoozed_until, assignee_member_id, triage_version FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, status: 'open', snoozed_until: null, assignee_member_id: null, triage_version: 0 },
      { id: 2, status: 'done', snoozed_until: null, assignee_member_id: null, triage_version: 0 },
      { id: 3, status: 'open', snoozed_until: null, assignee_member_id: null, triage_version: 0 },
    ]);
  });

  it('keeps what was unread unread for each member who sees it, owners included', () => {
    migrate(db);
    expect(db.prepare('SELECT member_id, conversation_id, location_id, unread_count FROM member_reads ORDER BY member_id, conversation_id').all()).toEqual([
      { member_id: 1, conversation_id: 1, location_id: 1, unread_count: 1 },
      { member_id: 2, conversation_id: 1, location_id: 1, unread_count: 1 },
    ]);
  });

  it('holds a snooze time exactly while snoozed, an assignee only on assignment events', () => {
    migrate(db);
    expect(() => db.exec("UPDATE conversations SET status = 'snoozed' WHERE id = 1")).toThrow(/CHECK/);
    db.exec("UPDATE conversations SET status = 'snoozed', snoozed_until = 100 WHERE id = 1");
    expect(() => db.exec("UPDATE conversations SET status = 'open' WHERE id = 1")).toThrow(/CHECK/);
    expect(() =>
      db.exec("INSERT INTO conversation_events (conversation_id, kind, cause, actor_member_id, created_at) VALUES (1, 'assigned', 'member', 1, 0)"),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec("INSERT INTO conversation_events (conversation_id, kind, cause, actor_member_id, created_at) VALUES (1, 'reopened', 'client-message', 1, 0)"),
    ).toThrow(/CHECK/);
  });
});
