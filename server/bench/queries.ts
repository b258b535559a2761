// Server time of the inbox's hot requests: the same repository calls the handlers make, timed
// in this process on the bench file (no socket in between), next to a raw better-sqlite3
// primary-key select on the same file as the baseline.
import type { Database } from 'better-sqlite3';
import { createRepositories } from '../repositories';
import { toFtsQuery } from '../search/ftsQuery';
import { createSearchRepository } from '../search/search.repository';
import { openSearchConnection } from '../search/searchIndex';
import type { ConversationPageQuery, ConversationPosition } from '../conversations/conversations.repository';
import type { InboxView } from '../../shared/triageEvents';
import { summarize, timeEach, type Summary } from './stats';

export type QueryTimes = Record<
  | 'firstPage'
  | 'keysetPage'
  | 'locationPage'
  | 'unreadPage'
  | 'openPage'
  | 'minePage'
  | 'unassignedPage'
  | 'snoozedPage'
  | 'donePage'
  | 'unreadOpenPage'
  | 'counts'
  | 'latestMessages'
  | 'olderMessages'
  | 'search'
  | 'rawSelect',
  Summary
>;

const PAGE = 30;
const MESSAGES = 50;
const SEARCH = 20;
const SEARCH_WORDS = ['toner', 'appointment', 'bal', 'olaplex', 'parking late', 'friday morning', 'colour', 'refund'];

export function timeQueries(db: Database, options: { iterations: number; locationIds: number[]; longConversationId: number }): QueryTimes {
  const repos = createRepositories(db);
  const searchConnection = openSearchConnection(db);
  const search = createSearchRepository(searchConnection);
  const { iterations, locationIds, longConversationId } = options;
  // Pages as the workspace's first owner sees them (owners see every location).
  const memberId = db.prepare<[], { id: number }>("SELECT id FROM team_members WHERE role = 'owner' ORDER BY id LIMIT 1").get()?.id ?? 1;
  const all = { memberId, view: 'all' as const, locationIds, unreadOnly: false, limit: PAGE + 1 };
  // The first location's desk, who has conversations assigned (the owner has none).
  const desk = db.prepare<[], { id: number }>("SELECT id FROM team_members WHERE role = 'member' ORDER BY id LIMIT 1").get()?.id ?? memberId;
  const deskLocations = repos.team.assignedLocationIds(desk);
  const view = (name: InboxView, index: number, extra: Partial<ConversationPageQuery> = {}) =>
    repos.conversations.page({ ...all, view: name, after: index % 2 ? null : at(positions, index), ...extra });

  // Keyset positions to start pages from: the last rows of the first pages, deep and shallow.
  const positions: ConversationPosition[] = [];
  let after: ConversationPosition | null = null;
  for (let page = 0; page < 40; page += 1) {
    const rows = repos.conversations.page({ ...all, after, limit: PAGE });
    const last = rows[rows.length - 1];
    if (!last) break;
    after = { lastActivityAt: last.lastActivityAt, id: last.id };
    positions.push(after);
  }
  // Older-page boundaries spread through the long conversation's history.
  const boundaries: number[] = [];
  let beforeId: number | null = null;
  for (let page = 0; page < 60; page += 1) {
    const { items, hasMore } = repos.messages.page(longConversationId, beforeId, 100);
    const oldest = items[0];
    if (!oldest) break;
    beforeId = oldest.id;
    boundaries.push(beforeId);
    if (!hasMore) break;
  }
  const at = <T>(list: readonly T[], index: number): T => list[index % list.length]!;
  const searches = SEARCH_WORDS.map((word) => toFtsQuery(word)!);
  const maxMessageId = repos.messages.page(longConversationId, null, 1).items[0]?.id ?? 1;
  const rawSelect = db.prepare('SELECT * FROM messages WHERE id = ?');

  try {
    return {
      firstPage: summarize(timeEach(iterations, () => repos.conversations.page({ ...all, after: null }))),
      keysetPage: summarize(timeEach(iterations, (index) => repos.conversations.page({ ...all, after: at(positions, index) }))),
      locationPage: summarize(timeEach(iterations, (index) => repos.conversations.page({ ...all, locationIds: [at(locationIds, index)], after: null }))),
      unreadPage: summarize(timeEach(iterations, (index) => repos.conversations.page({ ...all, unreadOnly: true, after: index % 2 ? null : at(positions, index) }))),
      openPage: summarize(timeEach(iterations, (index) => view('open', index))),
      minePage: summarize(timeEach(iterations, (index) => view('mine', index, { memberId: desk, locationIds: deskLocations }))),
      unassignedPage: summarize(timeEach(iterations, (index) => view('unassigned', index))),
      snoozedPage: summarize(timeEach(iterations, (index) => view('snoozed', index))),
      donePage: summarize(timeEach(iterations, (index) => view('done', index))),
      unreadOpenPage: summarize(timeEach(iterations, (index) => view('open', index, { unreadOnly: true }))),
      counts: summarize(timeEach(iterations, () => repos.triage.counts(memberId, locationIds))),
      latestMessages: summarize(timeEach(iterations, () => repos.messages.page(longConversationId, null, MESSAGES))),
      olderMessages: summarize(timeEach(iterations, (index) => repos.messages.page(longConversationId, at(boundaries, index), MESSAGES))),
      search: summarize(
        timeEach(iterations, (index) => {
          const scope = { ftsQuery: at(searches, index), locationIds: index % 3 === 0 ? [at(locationIds, index)] : locationIds };
          search.messages(scope, null, SEARCH + 1);
          search.clients(scope, 10);
        }),
      ),
      rawSelect: summarize(timeEach(iterations, (index) => rawSelect.get(1 + ((index * 7919) % maxMessageId)))),
    };
  } finally {
    searchConnection.close();
  }
}

/** Raw better-sqlite3 insert rate on its own table, one transaction per row, in this file's
 * directory with the server's pragmas: the floor under a durable send. */
export function rawInsertRate(db: Database, durationMs: number): { perSecond: number; latency: Summary } {
  db.exec('CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO bench_raw (conversation_id, text, created_at) VALUES (?, ?, ?)');
  const samples: number[] = [];
  const end = Date.now() + durationMs;
  const started = process.hrtime.bigint();
  while (Date.now() < end) {
    samples.push(...timeEach(100, (index) => insert.run(index, 'Can I move my appointment to Friday?', Date.now())));
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  return { perSecond: (samples.length / elapsed) * 1000, latency: summarize(samples) };
}
