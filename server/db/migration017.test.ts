// Migration 017 keeps the inbox's counts as counters maintained by triggers. They start from
// what is stored and must equal a recount after any sequence of the changes the server makes:
// new conversations, status and assignee changes, a member's unread rising and falling,
// members and conversations going away.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBeforeMigration, type DatabaseBeforeMigration } from '../testing/databaseBeforeMigration';
import { testRandom } from '../../shared/testing/testRandom';
import { migrate } from './migrate';

let fixture: DatabaseBeforeMigration;
let db: Database;

beforeEach(() => {
  fixture = databaseBeforeMigration('inbox counts kept as counters');
  db = fixture.db;
  db.exec(`
    INSERT INTO workspace (id, name) VALUES (1, 'Salon');
    INSERT INTO locations (id, name) VALUES (1, 'North'), (2, 'South');
    INSERT INTO team_members (id, name, email, password_hash, role, created_at) VALUES
      (1, 'Owner', 'o@x', 'h', 'owner', 0), (2, 'North desk', 'n@x', 'h', 'member', 0), (3, 'South desk', 's@x', 'h', 'member', 0);
    INSERT INTO clients (id, name, created_at) VALUES (1, 'Ann', 0), (2, 'Ben', 0), (3, 'Cy', 0);
    INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, status, assignee_member_id) VALUES
      (1, 1, 1, 0, 5, 'open', NULL), (2, 2, 1, 0, 9, 'done', NULL), (3, 3, 2, 0, 7, 'open', 3);
    INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count) VALUES
      (1, 1, 1, 5, 2), (2, 1, 1, 5, 1), (1, 2, 1, 9, 1), (1, 3, 2, 7, 0), (3, 3, 2, 7, 4);
  `);
});
afterEach(() => fixture.close());

const counters = () => ({
  conversations: db
    .prepare('SELECT location_id, status, assignee_key, n FROM conversation_counts WHERE n > 0 ORDER BY 1, 2, 3')
    .all(),
  unreadOpen: db.prepare('SELECT member_id, location_id, n FROM member_unread_open WHERE n > 0 ORDER BY 1, 2').all(),
});

const recount = () => ({
  conversations: db
    .prepare(
      `SELECT location_id, status, coalesce(assignee_member_id, 0) AS assignee_key, count(*) AS n FROM conversations
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all(),
  unreadOpen: db
    .prepare(
      `SELECT r.member_id, r.location_id, count(*) AS n FROM member_reads r JOIN conversations c ON c.id = r.conversation_id
       WHERE r.unread_count > 0 AND c.status = 'open' GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all(),
});

describe('migration 017', () => {
  it('starts the counters from the conversations and unread rows already stored', () => {
    migrate(db);
    expect(counters()).toEqual({
      conversations: [
        { location_id: 1, status: 'done', assignee_key: 0, n: 1 },
        { location_id: 1, status: 'open', assignee_key: 0, n: 1 },
        { location_id: 2, status: 'open', assignee_key: 3, n: 1 },
      ],
      unreadOpen: [
        { member_id: 1, location_id: 1, n: 1 },
        { member_id: 2, location_id: 1, n: 1 },
        { member_id: 3, location_id: 2, n: 1 },
      ],
    });
  });

  it('agrees with a recount after every one of many random changes', () => {
    migrate(db);
    const random = testRandom();
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const conversationIds = () => db.prepare<[], { id: number }>('SELECT id FROM conversations').all().map((row) => row.id);
    const members = [1, 2, 3];
    let nextId = 4;
    const changes: Array<() => void> = [
      () => {
        const id = nextId++;
        db.prepare("INSERT INTO clients (id, name, created_at) VALUES (?, 'Client', 0)").run(id);
        db.prepare(
          `INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, status, assignee_member_id)
           VALUES (?, ?, ?, 0, 0, ?, ?)`,
        ).run(id, id, pick([1, 2]), pick(['open', 'done']), pick([null, 1, 2, 3]));
      },
      () => {
        const status = pick(['open', 'snoozed', 'done']);
        db.prepare('UPDATE conversations SET status = ?, snoozed_until = ? WHERE id = ?').run(status, status === 'snoozed' ? 100 : null, pick(conversationIds()));
      },
      () => db.prepare('UPDATE conversations SET assignee_member_id = ? WHERE id = ?').run(pick([null, 1, 2, 3]), pick(conversationIds())),
      () => {
        const id = pick(conversationIds());
        const location = db.prepare<[number], { location_id: number }>('SELECT location_id FROM conversations WHERE id = ?').get(id)!.location_id;
        db.prepare(
          `INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count) VALUES (?, ?, ?, 0, ?)
           ON CONFLICT (member_id, conversation_id) DO UPDATE SET unread_count = excluded.unread_count`,
        ).run(pick(members), id, location, pick([0, 1, 3]));
      },
      () => db.prepare('UPDATE member_reads SET unread_count = unread_count + 1 WHERE conversation_id = ?').run(pick(conversationIds())),
      () => db.prepare('UPDATE member_reads SET unread_count = 0 WHERE member_id = ? AND conversation_id = ?').run(pick(members), pick(conversationIds())),
      () => db.prepare('DELETE FROM member_reads WHERE member_id = ? AND conversation_id = ?').run(pick(members), pick(conversationIds())),
      () => {
        const id = pick(conversationIds());
        db.prepare('DELETE FROM member_reads WHERE conversation_id = ?').run(id);
        db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      },
      () => {
        const id = pick(conversationIds());
        db.prepare('DELETE FROM conversations WHERE id = ? AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = ?)').run(id, id);
      },
    ];
    for (let step = 0; step < 400; step += 1) {
      if (conversationIds().length < 2) changes[0]!();
      const change = pick(changes);
      change();
      expect(counters(), `after step ${step}`).toEqual(recount());
    }
  });
});
