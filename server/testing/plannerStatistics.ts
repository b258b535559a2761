// The statistics SQLite's query planner may find in a database, so plan tests check the plans
// it really chooses, not only those of a fresh test database that has none.
//
// Why: with no statistics the planner guesses ~1M rows for every table, so a test database
// plans like a large one for the wrong reasons. A database that has been analyzed (the bench's
// file ends its seeding with PRAGMA optimize; an operator may run ANALYZE in the sqlite3 shell;
// the figures then stay in the file for good, as nothing here refreshes them) tells the planner
// the truth: 4 locations, 100k conversations. Once migration 10 gave `locations` an index, PRAGMA
// optimize started counting its rows, and the inbox page of several locations flipped from an
// ordered walk to "every location's conversations, then sort them all".
//
// The server itself never runs ANALYZE or PRAGMA optimize, so a production database is
// normally in the first state below; the others are what it may be in, and what the bench
// measures. Plan tests run each query in every state.
import type { Database } from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { migrations, type Migration } from '../db/migrations';
import { openDatabase } from '../db/open';
import { seedDemo } from '../demo/seed';
import { createRepositories } from '../repositories';
import { openSearchConnection } from '../search/searchIndex';

/** One sqlite_stat1 row: table, index (null: the table's own row count), and its figures
 * ("rows, then the average rows per distinct value of each leading column prefix"). */
export type StatRow = readonly [table: string, index: string | null, stat: string];

// Both lists below were read from the bench's full workspace (100k conversations, 1M messages,
// 4 locations) with `npx jiti server/bench/plannerStatistics.ts`, which prints them afresh
// (sorted by table, then index, with null first).
// Refresh them when a migration adds or drops an index (the test of these lists says which).

/** What the bench's seeding left: PRAGMA optimize analyzes only the tables its connection
 * queried, and with SQLite's sampling limit (so a leading column's figure reads 2001). */
export const BENCH_OPTIMIZE_STATISTICS: readonly StatRow[] = [
  ['appointments', 'appointments_by_client', '100000 1 1'],
  ['appointments', 'appointments_by_external_ref', '0 0'],
  ['appointments', 'appointments_by_location', '100000 2001 2001'],
  ['appointments', 'appointments_by_staff', '100000 2001'],
  ['clients', null, '100000'],
  ['clients', 'clients_by_external_ref', '0 0'],
  ['clients_fts_config', 'clients_fts_config', '1 1'],
  ['clients_fts_idx', 'clients_fts_idx', '1216 136 1'],
  ['conversation_events', 'conversation_events_by_change', '0 0 0'],
  ['conversation_events', 'conversation_events_by_conversation', '57013 1 1'],
  ['conversations', 'conversations_by_location_activity', '100000 2001 1 1'],
  ['conversations', 'conversations_by_read_position', '100000 2001'],
  ['conversations', 'conversations_done_by_location_activity', '44903 2001 1 1'],
  ['conversations', 'conversations_open_by_assignee_activity', '50886 2001 2001 1 1'],
  ['conversations', 'conversations_open_by_location_activity', '50886 2001 1 1'],
  ['conversations', 'conversations_snooze_ends', '4211 2001'],
  ['conversations', 'conversations_snoozed_by_location_activity', '4211 1001 1 1'],
  ['conversations', 'sqlite_autoindex_conversations_1', '100000 1 1'],
  ['locations', null, '4'],
  ['locations', 'locations_by_external_ref', '0 0'],
  ['member_locations', 'member_locations', '8 2 1'],
  ['member_locations', 'member_locations_by_location', '8 2'],
  ['member_reads', 'member_reads', '22162 2001 1'],
  ['member_reads', 'member_reads_by_conversation', '22162 2'],
  ['member_reads', 'member_reads_by_position', '0 0 0'],
  ['member_reads', 'member_reads_unread', '22162 2001 2001 1 1'],
  ['messages', 'messages_by_conversation', '1000000 2001 1'],
  ['messages', 'messages_by_member', '1000000 2001'],
  ['messages', 'messages_by_sender_request', '1000000 10 1'],
  ['messages', 'messages_unread', '24173 3 3 1'],
  ['permission_groups', 'sqlite_autoindex_permission_groups_1', '1 1'],
  ['team_members', 'sqlite_autoindex_team_members_1', '5 1'],
  ['team_members', 'team_members_by_group', '5 3'],
];

/** What a full ANALYZE of the same file writes: every table, exact averages. */
export const BENCH_ANALYZE_STATISTICS: readonly StatRow[] = [
  ['appointments', 'appointments_by_client', '100000 1 1'],
  ['appointments', 'appointments_by_external_ref', '0 0'],
  ['appointments', 'appointments_by_location', '100000 25000 25000'],
  ['appointments', 'appointments_by_staff', '100000 100000'],
  ['attachment_storage', null, '1'],
  ['attachments', 'attachments_by_message', '0 0 0'],
  ['attachments', 'attachments_by_sender_age', '0 0 0'],
  ['attachments', 'attachments_unattached_by_age', '0 0'],
  ['attachments', 'attachments_unattached_by_sender', '0 0'],
  ['clients', null, '100000'],
  ['clients', 'clients_by_external_ref', '0 0'],
  ['clients_fts_config', 'clients_fts_config', '1 1'],
  ['clients_fts_data', null, '1670'],
  ['clients_fts_docsize', null, '100000'],
  ['clients_fts_idx', 'clients_fts_idx', '1216 136 1'],
  ['conversation_events', 'conversation_events_by_change', '0 0 0'],
  ['conversation_events', 'conversation_events_by_conversation', '57013 1 1'],
  ['conversations', 'conversations_by_location_activity', '100000 25000 1 1'],
  ['conversations', 'conversations_by_read_position', '100000 100000'],
  ['conversations', 'conversations_done_by_location_activity', '44903 11226 1 1'],
  ['conversations', 'conversations_open_by_assignee_activity', '50886 12722 6361 1 1'],
  ['conversations', 'conversations_open_by_location_activity', '50886 12722 1 1'],
  ['conversations', 'conversations_snooze_ends', '4211 4211'],
  ['conversations', 'conversations_snoozed_by_location_activity', '4211 1053 1 1'],
  ['conversations', 'sqlite_autoindex_conversations_1', '100000 1 1'],
  ['database_identity', null, '1'],
  ['deliveries', 'deliveries_due', '0 0'],
  ['deliveries', 'deliveries_in_flight', '0 0'],
  ['locations', null, '4'],
  ['locations', 'locations_by_external_ref', '0 0'],
  ['member_locations', 'member_locations', '8 2 1'],
  ['member_locations', 'member_locations_by_location', '8 2'],
  ['member_reads', 'member_reads', '22162 4433 1'],
  ['member_reads', 'member_reads_by_conversation', '22162 2'],
  ['member_reads', 'member_reads_by_position', '0 0 0'],
  ['member_reads', 'member_reads_unread', '22162 4433 2771 1 1'],
  ['messages', 'messages_by_conversation', '1000000 10 1'],
  ['messages', 'messages_by_member', '1000000 200000'],
  ['messages', 'messages_by_sender_request', '1000000 11 1'],
  ['messages', 'messages_unread', '24173 3 3 1'],
  ['permission_groups', 'sqlite_autoindex_permission_groups_1', '1 1'],
  ['sync_counter', null, '1'],
  ['team_members', 'sqlite_autoindex_team_members_1', '5 1'],
  ['team_members', 'team_members_by_group', '5 3'],
  ['workspace', null, '1'],
];

/** Replaces the main database's sqlite_stat1 with these rows and makes the planner use them. */
export function writeStatistics(db: Database, rows: readonly StatRow[]): void {
  db.exec('ANALYZE main'); // creates sqlite_stat1 (and sqlite_stat4) if missing
  db.exec('DELETE FROM main.sqlite_stat1');
  if (db.prepare("SELECT 1 FROM main.sqlite_schema WHERE name = 'sqlite_stat4'").get()) db.exec('DELETE FROM main.sqlite_stat4');
  const insert = db.prepare('INSERT INTO main.sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(...row);
  // ANALYZE of the schema table reloads the statistics into the planner, changing nothing else.
  db.exec('ANALYZE main.sqlite_schema');
}

export type PlannerState = {
  name: string;
  /** Puts a freshly migrated database into this state. */
  prepare(db: Database): void;
};

export const PLANNER_STATES: readonly PlannerState[] = [
  { name: 'never analyzed (a production database: the server runs no ANALYZE)', prepare: () => {} },
  { name: 'analyzed by PRAGMA optimize at 1M messages (the bench file)', prepare: (db) => writeStatistics(db, BENCH_OPTIMIZE_STATISTICS) },
  { name: 'fully analyzed at 1M messages', prepare: (db) => writeStatistics(db, BENCH_ANALYZE_STATISTICS) },
  {
    // Statistics taken when the file was new and small stay after it grows.
    name: 'analyzed while it held only the demo workspace',
    prepare: (db) => {
      seedDemo(createRepositories(db), Date.UTC(2026, 0, 5, 9));
      db.exec('ANALYZE main');
    },
  },
];

/** An in-memory database migrated to today's schema (or through `schema`), with the message
 * search index attached (as the server's search connection has it), in the given planner state.
 * An older schema gets no search index: the index reads today's columns of messages. */
export function openPlannerDatabase(state: PlannerState, schema: readonly Migration[] = migrations): Database {
  const db = openDatabase(':memory:');
  migrate(db, schema);
  if (schema.length === migrations.length) openSearchConnection(db);
  state.prepare(db);
  return db;
}

/** The indexes of the main schema these statistics leave out, but for those of tables
 * `skipTable` accepts. */
export function indexesWithoutStatistics(db: Database, rows: readonly StatRow[], skipTable: (table: string) => boolean): string[] {
  const covered = new Set(rows.map(([, index]) => index));
  const indexes = db
    .prepare<[], { name: string; tbl_name: string }>("SELECT name, tbl_name FROM main.sqlite_schema WHERE type = 'index' ORDER BY name")
    .all();
  return indexes.filter((index) => !covered.has(index.name) && !skipTable(index.tbl_name)).map((index) => index.name);
}

/** Tables the bench leaves empty: a full ANALYZE writes no figures for their (full) indexes. */
export const TABLES_EMPTY_IN_THE_BENCH: readonly string[] = [
  'client_tokens',
  'conversation_notes',
  'deliveries',
  'reception_devices',
  'sessions',
  // The quick reply library: a few hundred rows at most, read whole (quickReplyPlans.test.ts).
  'quick_replies',
  'quick_reply_locations',
];

/** Statistics rows naming an index or table the schema no longer has. */
export function statisticsOfMissingObjects(db: Database, rows: readonly StatRow[]): string[] {
  const names = new Set(db.prepare<[], { name: string }>('SELECT name FROM main.sqlite_schema').all().map((row) => row.name));
  return rows.filter(([table, index]) => !names.has(table) || (index !== null && !names.has(index))).map(([table, index]) => `${table}.${index ?? '(table)'}`);
}
