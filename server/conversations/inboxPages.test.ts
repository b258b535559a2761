// The inbox pages give exactly the conversations they should, in order, page after page, for
// any set of locations, with and without the unread filter: checked against the same list
// worked out in plain code over a random workspace (many equal activity times, locations of
// very different sizes, one with no conversations at all).
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { createRepositories } from '../repositories';
import { seededRandom as random } from '../testing/seededRandom';
import type { ConversationPosition, ConversationRepository } from './conversations.repository';

const SEED = Number(process.env.INBOX_TEST_SEED ?? 20261202);
const seedNote = `random workspace seed ${SEED} (rerun with INBOX_TEST_SEED=${SEED})`;

type Row = { id: number; locationId: number; lastActivityAt: number; unreadCount: number };

let db: Database;
let conversations: ConversationRepository;
let rows: Row[];
let locations: number[];

beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db);
  const repos = createRepositories(db);
  conversations = repos.conversations;
  const next = random(SEED);
  repos.workspace.create('Paging Salon', 'GB');
  locations = ['Big', 'Medium', 'Small', 'Empty', 'Quiet'].map((name) => repos.workspace.createLocation(name));
  // Shares of the conversations: the fourth location has none, the fifth only old ones.
  const shares = [0.6, 0.3, 0.07, 0, 0.03];
  const insertClient = db.prepare('INSERT INTO clients (id, name, created_at) VALUES (?, ?, 0)');
  const insertConversation = db.prepare(
    'INSERT INTO conversations (id, client_id, location_id, created_at, last_activity_at, unread_count) VALUES (?, ?, ?, 0, ?, ?)',
  );
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
      insertClient.run(id, `Client ${id}`);
      insertConversation.run(id, id, locations[index]!, lastActivityAt, unreadCount);
      rows.push({ id, locationId: locations[index]!, lastActivityAt, unreadCount });
    }
  })();
});
afterAll(() => db.close());

const newestFirst = (a: Row, b: Row) => b.lastActivityAt - a.lastActivityAt || b.id - a.id;

function expectedList(locationIds: readonly number[], unreadOnly: boolean): number[] {
  return rows
    .filter((row) => locationIds.includes(row.locationId) && (!unreadOnly || row.unreadCount > 0))
    .sort(newestFirst)
    .map((row) => row.id);
}

/** Every page of the list, as the inbox asks for them: `limit` rows after the last one shown. */
function pagedList(locationIds: readonly number[], unreadOnly: boolean, limit: number): number[][] {
  const pages: number[][] = [];
  let after: ConversationPosition | null = null;
  for (;;) {
    const page = conversations.page({ locationIds, unreadOnly, after, limit });
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

  it('carries each conversation\'s summary, location and unread count', () => {
    const [first] = conversations.page({ locationIds: locations, unreadOnly: false, after: null, limit: 1 });
    const top = [...rows].sort(newestFirst)[0]!;
    expect(first).toMatchObject({
      id: top.id,
      client: { id: top.id, name: `Client ${top.id}` },
      location: { id: top.locationId },
      lastActivityAt: top.lastActivityAt,
      unreadCount: top.unreadCount,
      lastMessage: null,
      appointment: null,
    });
  });

  it('lists nothing for no locations', () => {
    expect(conversations.page({ locationIds: [], unreadOnly: false, after: null, limit: 10 })).toEqual([]);
  });
});
