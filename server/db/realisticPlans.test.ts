// The plans of the paged and hot queries in every state of statistics a database may be in
// (never analyzed, analyzed at the bench's 1M messages by PRAGMA optimize or a full ANALYZE,
// analyzed while small): each must be the same, reviewed plan in all of them and keep the rules
// of planProblems (no whole-table reads, no sorting of an index range). A query added to the
// inbox goes into PAGED_QUERIES with the plan it should have; the failure message prints the
// plan SQLite chose in each state.
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENTS_OF_MESSAGES_SQL } from '../attachments/attachments.repository';
import { AUDIT_PAGE_SQL } from '../audit/audit.repository';
import type { InboxView } from '../../shared/triageEvents';
import {
  CONVERSATION_SUMMARY_SQL,
  INBOX_LISTS,
  LOCATION_PAGE_POSITIONS_SQL,
  LOCATION_PAGE_SQL,
  LOCATION_UNREAD_PAGE_POSITIONS_SQL,
  LOCATION_UNREAD_PAGE_SQL,
  locationPagePositionsSql,
  locationPageSql,
  SUMMARIES_BY_ID_SQL,
  unreadPagePositionsSql,
  unreadPageSql,
} from '../conversations/inboxPages.repository';
import {
  CONVERSATION_EVENTS_SQL,
  CONVERSATION_COUNTS_SQL,
  DUE_SNOOZES_SQL,
  EVENTS_AFTER_FOR_LOCATIONS_SQL,
  MEMBER_READS_AFTER_SQL,
  UNREAD_OPEN_COUNTS_SQL,
} from '../triage/triage.repository';
import { CONVERSATIONS_OF_CLIENTS_SQL, FIND_CLIENTS_SQL } from '../clientProfile/clientDirectory.repository';
import { CONVERSATION_DELIVERIES_SQL, DUE_DELIVERY_SQL } from '../notifications/outbox.repository';
import { MESSAGE_PAGE_AFTER_SQL, MESSAGE_PAGE_SQL } from '../messages/messages.repository';
import { CLIENT_SEARCH_SQL, MESSAGE_SEARCH_SQL } from '../search/search.repository';
import {
  MESSAGES_AFTER_FOR_CLIENT_SQL,
  MESSAGES_AFTER_FOR_LOCATIONS_SQL,
  READS_AFTER_FOR_CLIENT_SQL,
  READS_AFTER_FOR_LOCATIONS_SQL,
} from '../sync/sync.repository';
import {
  BENCH_ANALYZE_STATISTICS,
  BENCH_OPTIMIZE_STATISTICS,
  indexesWithoutStatistics,
  openPlannerDatabase,
  PLANNER_STATES,
  statisticsOfMissingObjects,
  TABLES_EMPTY_IN_THE_BENCH,
  writeStatistics,
  type StatRow,
} from '../testing/plannerStatistics';
import { formatPlan, planProblems, queryPlan, type PlanRules } from '../testing/queryPlan';
import { migrations } from './migrations';
import { LANDED_LOCATIONS_PAGE_SQL } from './realisticPlans.fixture';

type PagedQuery = {
  name: string;
  sql: string;
  params: Record<string, unknown> | unknown[];
  /** The reviewed plan, as formatPlan prints it. */
  plan: string[];
  rules?: PlanRules;
};

const page = { beforeAt: 1, beforeId: 1, limit: 31, memberId: 1 };

/** How a summary is completed from its conversation `c`: primary-key lookups only. */
const SUMMARY_LOOKUPS = [
  'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?)',
  'SEARCH lm USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
  'SEARCH a USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
  'SEARCH al USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
  'SEARCH ast USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
  'CORRELATED SCALAR SUBQUERY 1',
  '  SEARCH tm USING INTEGER PRIMARY KEY (rowid=?)',
  'CORRELATED SCALAR SUBQUERY 2',
  '  SEARCH r USING PRIMARY KEY (member_id=? AND conversation_id=?)',
  'CORRELATED SCALAR SUBQUERY 3',
  '  SEARCH l USING INTEGER PRIMARY KEY (rowid=?)',
  'CORRELATED SCALAR SUBQUERY 4',
  '  SEARCH la USING COVERING INDEX attachments_by_message (message_id=?)',
];

/** Each view's walk of one location: its own partial index, by location (and assignee). */
const VIEW_WALKS: Record<Exclude<InboxView, 'all'>, string> = {
  open: 'conversations_open_by_location_activity (location_id=? AND last_activity_at<?)',
  mine: 'conversations_open_by_assignee_activity (location_id=? AND assignee_member_id=? AND last_activity_at<?)',
  unassigned: 'conversations_open_by_assignee_activity (location_id=? AND assignee_member_id=? AND last_activity_at<?)',
  snoozed: 'conversations_snoozed_by_location_activity (location_id=? AND last_activity_at<?)',
  done: 'conversations_done_by_location_activity (location_id=? AND last_activity_at<?)',
};
const viewQueries = (Object.entries(VIEW_WALKS) as [Exclude<InboxView, 'all'>, string][]).flatMap(([view, walk]): PagedQuery[] => [
  {
    name: `inbox page, one location, ${view}`,
    sql: locationPageSql(INBOX_LISTS[view]),
    params: { ...page, locationId: 1 },
    plan: [`SEARCH c USING INDEX ${walk}`, ...SUMMARY_LOOKUPS],
  },
  {
    name: `inbox page, several locations, ${view}: each location's next positions`,
    sql: locationPagePositionsSql(INBOX_LISTS[view]),
    params: { ...page, locationId: 1 },
    plan: [`SEARCH c USING COVERING INDEX ${walk}`],
  },
]);
/** The member's own unread conversations: a walk of their unread rows, then each conversation. */
const UNREAD_WALK = [
  'SEARCH r USING INDEX member_reads_unread (member_id=? AND location_id=? AND (last_activity_at,conversation_id)<(?,?))',
  'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
];
const MEMBER_LOOKUP = ['CORRELATED SCALAR SUBQUERY 1', '  SEARCH team_members USING INTEGER PRIMARY KEY (rowid=?)', 'CORRELATED SCALAR SUBQUERY 2', '  SEARCH team_members USING INTEGER PRIMARY KEY (rowid=?)'];
const LOCATION_LIST = ['LIST SUBQUERY 1', '  SCAN json_each VIRTUAL TABLE INDEX 1:', '  CREATE BLOOM FILTER'];

const PAGED_QUERIES: readonly PagedQuery[] = [
  {
    name: 'inbox page, one location',
    sql: LOCATION_PAGE_SQL,
    params: { ...page, locationId: 1 },
    plan: ['SEARCH c USING INDEX conversations_by_location_activity (location_id=? AND last_activity_at<?)', ...SUMMARY_LOOKUPS],
  },
  {
    name: 'inbox page, one location, the member\'s unread',
    sql: LOCATION_UNREAD_PAGE_SQL,
    params: { ...page, locationId: 1 },
    plan: [...UNREAD_WALK, ...SUMMARY_LOOKUPS],
  },
  {
    name: 'inbox page, one location, the member\'s unread open ones',
    sql: unreadPageSql(INBOX_LISTS.open),
    params: { ...page, locationId: 1 },
    plan: [...UNREAD_WALK, ...SUMMARY_LOOKUPS],
  },
  {
    name: 'inbox page, several locations, the member\'s unread open ones: each location\'s next positions',
    sql: unreadPagePositionsSql(INBOX_LISTS.open),
    params: { ...page, locationId: 1 },
    plan: UNREAD_WALK,
  },
  ...viewQueries,
  {
    name: 'inbox page, several locations: each location\'s next positions',
    sql: LOCATION_PAGE_POSITIONS_SQL,
    params: { ...page, locationId: 1 },
    plan: ['SEARCH c USING COVERING INDEX conversations_by_location_activity (location_id=? AND last_activity_at<?)'],
  },
  {
    name: 'inbox page, several locations, the member\'s unread: each location\'s next positions',
    sql: LOCATION_UNREAD_PAGE_POSITIONS_SQL,
    params: { ...page, locationId: 1 },
    plan: UNREAD_WALK,
  },
  {
    name: 'a conversation\'s staff-only events, newest first',
    sql: CONVERSATION_EVENTS_SQL,
    params: { conversationId: 1, limit: 200 },
    plan: ['SEARCH e USING INDEX conversation_events_by_conversation (conversation_id=?)', ...MEMBER_LOOKUP],
  },
  {
    name: 'snoozes that have ended',
    sql: DUE_SNOOZES_SQL,
    params: [5],
    plan: ['SEARCH conversations USING COVERING INDEX conversations_snooze_ends (snoozed_until<?)'],
  },
  {
    name: 'catch-up of staff-only events',
    sql: EVENTS_AFTER_FOR_LOCATIONS_SQL,
    params: { after: 1, locationIds: '[1,2]', limit: 200 },
    plan: [
      'SEARCH e USING INTEGER PRIMARY KEY (rowid>?)',
      'LIST SUBQUERY 4',
      '  SCAN json_each VIRTUAL TABLE INDEX 1:',
      '  CREATE BLOOM FILTER',
      'CORRELATED SCALAR SUBQUERY 3',
      '  SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      ...MEMBER_LOOKUP,
    ],
  },
  {
    name: 'catch-up of the member\'s own reads',
    sql: MEMBER_READS_AFTER_SQL,
    params: { memberId: 1, after: 1, locationIds: '[1,2]', limit: 200 },
    plan: ['SEARCH r USING INDEX member_reads_by_position (member_id=? AND position>?)', ...LOCATION_LIST],
  },
  {
    name: 'counts: a location\'s conversations per status and assignee (counter rows)',
    sql: CONVERSATION_COUNTS_SQL,
    params: { locationId: 1 },
    plan: ['SEARCH conversation_counts USING PRIMARY KEY (location_id=?)'],
  },
  {
    name: 'counts: the member\'s unread open conversations per location (counter rows)',
    sql: UNREAD_OPEN_COUNTS_SQL,
    params: { memberId: 1, locationIds: '[1,2]' },
    plan: ['SEARCH member_unread_open USING PRIMARY KEY (member_id=? AND location_id=?)', 'LIST SUBQUERY 1', '  SCAN json_each VIRTUAL TABLE INDEX 1:'],
  },
  {
    name: 'inbox page, several locations: the summaries of the merged page',
    sql: SUMMARIES_BY_ID_SQL,
    params: { ids: '[3,1,2]', memberId: 1 },
    plan: ['SCAN j VIRTUAL TABLE INDEX 1:', 'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)', ...SUMMARY_LOOKUPS],
  },
  {
    name: 'one conversation\'s summary',
    sql: CONVERSATION_SUMMARY_SQL,
    params: { id: 1, memberId: 1 },
    plan: ['SEARCH c USING INTEGER PRIMARY KEY (rowid=?)', ...SUMMARY_LOOKUPS],
  },
  {
    name: 'message history page',
    sql: MESSAGE_PAGE_SQL,
    params: { conversationId: 1, beforeId: 10, limit: 50 },
    plan: [
      'SEARCH m USING INDEX messages_by_conversation (conversation_id=? AND id<?)',
      'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'SEARCH tm USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
    ],
  },
  {
    name: 'newer message history page',
    sql: MESSAGE_PAGE_AFTER_SQL,
    params: { conversationId: 1, afterId: 10, limit: 50 },
    plan: [
      'SEARCH m USING INDEX messages_by_conversation (conversation_id=? AND id>?)',
      'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'SEARCH tm USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
    ],
  },
  {
    name: 'a page\'s attachments',
    sql: ATTACHMENTS_OF_MESSAGES_SQL,
    params: ['[1,2,3]'],
    plan: ['SEARCH attachments USING INDEX attachments_by_message (message_id=?)', 'LIST SUBQUERY 1', '  SCAN json_each VIRTUAL TABLE INDEX 1:'],
  },
  {
    name: 'message search',
    sql: MESSAGE_SEARCH_SQL,
    params: { query: '"toner"*', beforeId: 10, locationIds: '[1,2]', limit: 21 },
    plan: [
      'SCAN f VIRTUAL TABLE INDEX 192:M1<',
      'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      ...LOCATION_LIST,
      'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH l USING INTEGER PRIMARY KEY (rowid=?)',
    ],
  },
  {
    name: 'client search',
    sql: CLIENT_SEARCH_SQL,
    params: { query: '"ava"*', locationIds: '[1,2]', limit: 10 },
    plan: [
      'SCAN f VIRTUAL TABLE INDEX 192:M1',
      'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH c USING INDEX sqlite_autoindex_conversations_1 (client_id=?)',
      ...LOCATION_LIST,
      'SEARCH l USING INTEGER PRIMARY KEY (rowid=?)',
    ],
  },
  {
    name: 'client finder',
    sql: FIND_CLIENTS_SQL,
    params: { query: '{name email} : ("grace"*) OR {mobile} : ("447400"*)', limit: 10 },
    plan: ['SCAN f VIRTUAL TABLE INDEX 192:M3', 'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?)'],
  },
  {
    name: 'the found clients\' conversations',
    sql: CONVERSATIONS_OF_CLIENTS_SQL,
    params: { clientIds: '[1,2]', locationIds: '[1,2]' },
    plan: [
      'SCAN j VIRTUAL TABLE INDEX 1:',
      'SEARCH c USING COVERING INDEX sqlite_autoindex_conversations_1 (client_id=? AND location_id=?)',
      'LIST SUBQUERY 1',
      '  SCAN json_each VIRTUAL TABLE INDEX 1:',
      'SEARCH l USING INTEGER PRIMARY KEY (rowid=?)',
    ],
  },
  {
    name: 'catch-up: new messages',
    sql: MESSAGES_AFTER_FOR_LOCATIONS_SQL,
    params: { after: 10, locationIds: '[1,2]', limit: 200 },
    plan: [
      'SEARCH m USING INTEGER PRIMARY KEY (rowid>?)',
      'LIST SUBQUERY 2',
      '  SCAN json_each VIRTUAL TABLE INDEX 1:',
      '  CREATE BLOOM FILTER',
      'CORRELATED SCALAR SUBQUERY 1',
      '  SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
    ],
  },
  {
    name: 'catch-up: read state',
    sql: READS_AFTER_FOR_LOCATIONS_SQL,
    params: { after: 10, locationIds: '[1,2]', limit: 200 },
    plan: ['SEARCH c USING INDEX conversations_by_read_position (read_position>?)', ...LOCATION_LIST],
  },
  {
    name: 'client catch-up: new messages',
    sql: MESSAGES_AFTER_FOR_CLIENT_SQL,
    params: { after: 10, clientId: 1, limit: 200 },
    plan: ['SEARCH m USING INTEGER PRIMARY KEY (rowid>?)', 'CORRELATED SCALAR SUBQUERY 1', '  SEARCH c USING INTEGER PRIMARY KEY (rowid=?)'],
  },
  {
    name: 'client catch-up: read state',
    sql: READS_AFTER_FOR_CLIENT_SQL,
    params: { after: 10, clientId: 1, limit: 200 },
    plan: ['SEARCH c USING INDEX conversations_by_read_position (read_position>?)'],
  },
  { name: 'audit log page', sql: AUDIT_PAGE_SQL, params: { beforeId: 10, limit: 50 }, plan: ['SEARCH audit_log USING INTEGER PRIMARY KEY (rowid<?)'] },
  { name: 'next due delivery', sql: DUE_DELIVERY_SQL, params: [1], plan: ['SEARCH deliveries USING INDEX deliveries_due (next_attempt_at<?)'] },
  {
    name: 'a conversation\'s deliveries',
    sql: CONVERSATION_DELIVERIES_SQL,
    params: [1, 200],
    plan: [
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH m USING COVERING INDEX messages_by_conversation (conversation_id=?)',
      'SEARCH d USING INDEX sqlite_autoindex_deliveries_2 (message_id=?)',
    ],
  },
];

describe.each(PLANNER_STATES)('plans in a database $name', (state) => {
  let db: Database;
  beforeAll(() => {
    db = openPlannerDatabase(state);
  });
  afterAll(() => db.close());

  it.each(PAGED_QUERIES)('$name', (query) => {
    const plan = queryPlan(db, query.sql, query.params);
    const shown = `plan chosen:\n${formatPlan(plan).join('\n')}`;
    expect(planProblems(plan, query.rules), shown).toEqual([]);
    expect(formatPlan(plan), shown).toEqual(query.plan);
  });
});

describe('the realistic statistics', () => {
  it('cover every index of today\'s schema, and nothing the schema no longer has', () => {
    const db = openPlannerDatabase(PLANNER_STATES[0]!);
    try {
      // A full ANALYZE covers every table the bench fills; PRAGMA optimize every index of the
      // tables it analyzed. An index missing here was added after the lists were taken.
      expect(indexesWithoutStatistics(db, BENCH_ANALYZE_STATISTICS, (table) => TABLES_EMPTY_IN_THE_BENCH.includes(table))).toEqual([]);
      const optimized = new Set(BENCH_OPTIMIZE_STATISTICS.map(([table]) => table));
      expect(indexesWithoutStatistics(db, BENCH_OPTIMIZE_STATISTICS, (table) => !optimized.has(table))).toEqual([]);
      expect(statisticsOfMissingObjects(db, BENCH_ANALYZE_STATISTICS)).toEqual([]);
      expect(statisticsOfMissingObjects(db, BENCH_OPTIMIZE_STATISTICS)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('catch the several-locations inbox page as it landed: it sorted every conversation of each location', () => {
    // On the schema it ran on, before the indexes across all locations it walked were dropped.
    const landedSchema = migrations.slice(0, migrations.findIndex((migration) => migration.name === 'no inbox indexes across locations'));
    const never = openPlannerDatabase(PLANNER_STATES[0]!, landedSchema);
    // The bench file's statistics then: today's, and those of the two indexes since dropped.
    const benchFileThen: StatRow[] = [
      ...BENCH_OPTIMIZE_STATISTICS,
      ['conversations', 'conversations_by_activity', '100000 1 1'],
      ['conversations', 'conversations_unread_by_activity', '11022 1 1'],
    ];
    const optimized = openPlannerDatabase({ name: 'the bench file then', prepare: (db) => writeStatistics(db, benchFileThen) }, landedSchema);
    try {
      const params = { ...page, locationIds: '[1,2,3,4]' };
      // Without statistics it looked right, which is why the plan tests of the time passed.
      expect(planProblems(queryPlan(never, LANDED_LOCATIONS_PAGE_SQL, params))).toEqual([]);
      // With the bench file's, the planner starts from the 4 locations (~0.4 s a page there).
      expect(planProblems(queryPlan(optimized, LANDED_LOCATIONS_PAGE_SQL, params))).toEqual([
        'reads the whole table l: "SCAN l"',
        'sorts every row of "SCAN l" to keep a page of them: "USE TEMP B-TREE FOR ORDER BY"',
        'sorts every row of "SEARCH c USING INDEX conversations_by_location_activity (location_id=? AND last_activity_at<?)" to keep a page of them: "USE TEMP B-TREE FOR ORDER BY"',
      ]);
    } finally {
      never.close();
      optimized.close();
    }
  });
});
