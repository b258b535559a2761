// The inbox pages give exactly the conversations they should, in order, page after page, for
// any set of locations, every view, with and without the member's unread filter: checked
// against the same list worked out in plain code over a random workspace (many equal activity
// times, locations of very different sizes, one with no conversations at all, statuses and
// assignees mixed).
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { createRepositories } from '../repositories';
import { seededRandom as random } from '../../shared/testing/seededRandom';
import type { ConversationStatus } from '../../shared/domain';
import type { InboxView } from '../../shared/triageEvents';
import type { ConversationPosition, ConversationRepository } from './conversations.repository';

const SEED = Number(process.env.INBOX_TEST_SEED ?? 20261202);
const seedNote = `random workspace seed ${SEED} (rerun with INBOX_TEST_SEED=${SEED})`;

type Row = {
  id: number;
  locationId: number;
  lastActivityAt: number;
  unreadCount: number;
  status: ConversationStatus;
  assigneeId: number | null;
};

let db: Database;
let conversations: ConversationRepository;
let rows: Row[];
let locations: number[];
/** Whose pages: their unread counts, their "Mine". */
let memberId: number;
let colleagueId: number;

beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db);
  const repos = createRepositories(db);
  conversations = repos.conversations;
  const next = random(SEED);
  repos.workspace.create('Paging Salon', 'GB');
  locations = ['Big', 'Medium', 'Small', 'Empty', 'Quiet'].map((name) => repos.workspace.createLocation(name));
  const member = (name: string) =>
    repos.team.createMember({ name, email: `${name}@example.com`, passwordHash: 'x', role: 'owner', groupId: null }, 0, []);
  memberId = member('Priya');
  colleagueId = member('Marcus');
  // Shares of the conversations: the fourth location has none, the fifth only old ones.
  const shares = [0.6, 0.3, 0.07, 0, 0.03];
  const insertClient = db.prepare('INSERT INTO clients (id, name, created_at) VALUES (?, ?, 0)');
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, status, snoozed_until, assignee_member_id)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  // The member's own unread state (a colleague's rows too, which must not count for them).
  const insertRead = db.prepare(
    'INSERT INTO member_reads (member_id, conversation_id, location_id, last_activity_at, unread_count) VALUES (?, ?, ?, ?, ?)',
  );
  const statuses: ConversationStatus[] = ['open', 'open', 'snoozed', 'done'];
  rows = [];
  db.transaction(() => {
    for (let id = 1; id <= 400; id += 1) {
      let pick = next();
      let index = 0;
      while (index < shares.length - 1 && pick >= shares[index]!) pick -= shares[index++]!;
      const quiet = index === 4;
      // Few distinct times, so many conversations share one and the id breaks the tie.
      const lastActivityAt = quiet ? Math.floor(next() * 5) : 5 + Math.floor(next() * 60);
      const unreadCount = next() < 0.3 ? 1 + Math.floor(next() * 3) : 0;
      const status = statuses[Math.floor(next() * statuses.length)]!;
      const assigneeId = [null, memberId, colleagueId][Math.floor(next() * 3)]!;
      insertClient.run(id, `Client ${id}`);
      insertConversation.run(id, id, locations[index]!, lastActivityAt, status, status === 'snoozed' ? 1e15 : null, assigneeId);
      // A read row with nothing unread is as good as none; the colleague's unread is theirs.
      if (unreadCount > 0 || next() < 0.2) insertRead.run(memberId, id, locations[index]!, lastActivityAt, unreadCount);
      if (next() < 0.5) insertRead.run(colleagueId, id, locations[index]!, lastActivityAt, 1);
      rows.push({ id, locationId: locations[index]!, lastActivityAt, unreadCount, status, assigneeId });
    }
  })();
});
afterAll(() => db.close());

const newestFirst = (a: Row, b: Row) => b.lastActivityAt - a.lastActivityAt || b.id - a.id;

const inView: Record<InboxView, (row: Row) => boolean> = {
  all: () => true,
  open: (row) => row.status === 'open',
  mine: (row) => row.status === 'open' && row.assigneeId === memberId,
  unassigned: (row) => row.status === 'open' && row.assigneeId === null,
  snoozed: (row) => row.status === 'snoozed',
  done: (row) => row.status === 'done',
};
const views = Object.keys(inView) as InboxView[];

function expectedList(locationIds: readonly number[], unreadOnly: boolean, view: InboxView = 'all'): number[] {
  return rows
    .filter(inView[view])
    .filter((row) => locationIds.includes(row.locationId) && (!unreadOnly || row.unreadCount > 0))
    .sort(newestFirst)
    .map((row) => row.id);
}

/** Every page of the list, as the inbox asks for them: `limit` rows after the last one shown. */
function pagedList(locationIds: readonly number[], unreadOnly: boolean, limit: number, view: InboxView = 'all'): number[][] {
  const pages: number[][] = [];
  let after: ConversationPosition | null = null;
  for (;;) {
    const page = conversations.page({ memberId, view, locationIds, unreadOnly, after, limit });
    if (page.length === 0) return pages;
    pages.push(page.map((summary) => summary.id));
    const last = page[page.length - 1]!;
    after = { lastActivityAt: last.lastActivityAt, id: last.id };
    if (pages.length > 1000) throw new Error('paging does not end');
  }
}

describe('inbox pages', () => {
  const sets: [string, (all: number[]) => number[]][] = [
    ['one location', (all) => [all[0]!]],
    ['one small location', (all) => [all[2]!]],
    ['the location without conversations', (all) => [all[3]!]],
    ['two locations', (all) => [all[0]!, all[1]!]],
    ['a small and a quiet location', (all) => [all[2]!, all[4]!]],
    ['every location', (all) => all],
    ['the same location twice', (all) => [all[1]!, all[1]!]],
  ];
  for (const unreadOnly of [false, true]) {
    it.each(sets)(`list ${unreadOnly ? 'the unread conversations' : 'every conversation'} of %s, page after page`, (_name, choose) => {
      const locationIds = choose(locations);
      const expected = expectedList(locationIds, unreadOnly);
      for (const limit of [1, 7, 31, 500]) {
        const pages = pagedList(locationIds, unreadOnly, limit);
        expect(pages.flat(), `${seedNote}; limit ${limit}`).toEqual(expected);
        expect(pages.slice(0, -1).every((page) => page.length === limit), `${seedNote}; full pages but the last`).toBe(true);
      }
    });
  }

  for (const view of views) {
    for (const unreadOnly of [false, true]) {
      it.each(sets)(`list the ${view} view${unreadOnly ? ', unread only,' : ''} of %s, page after page`, (_name, choose) => {
        const locationIds = choose(locations);
        const expected = expectedList(locationIds, unreadOnly, view);
        for (const limit of [1, 7, 500]) {
          const pages = pagedList(locationIds, unreadOnly, limit, view);
          expect(pages.flat(), `${seedNote}; limit ${limit}`).toEqual(expected);
        }
      });
    }
  }

  it('carries each conversation\'s summary, location, triage state and the member\'s own unread count', () => {
    const [first] = conversations.page({ memberId, view: 'all', locationIds: locations, unreadOnly: false, after: null, limit: 1 });
    const top = [...rows].sort(newestFirst)[0]!;
    expect(first).toMatchObject({
      id: top.id,
      client: { id: top.id, name: `Client ${top.id}` },
      location: { id: top.locationId },
      lastActivityAt: top.lastActivityAt,
      unreadCount: top.unreadCount,
      status: top.status,
      assignee: top.assigneeId === null ? null : { id: top.assigneeId, name: top.assigneeId === memberId ? 'Priya' : 'Marcus' },
      lastMessage: null,
      appointment: null,
    });
  });

  it('lists nothing for no locations', () => {
    expect(conversations.page({ memberId, view: 'all', locationIds: [], unreadOnly: false, after: null, limit: 10 })).toEqual([]);
  });
});
