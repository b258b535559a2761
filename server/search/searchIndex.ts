// The message search index lives in its own SQLite file beside the inbox database, attached to
// a connection as the `search` schema. Indexing a message costs more than storing it, and FTS5
// merges its segments ~20 ms at a time; in a file of its own the index is written (by a worker
// thread, searchIndexer.ts) without ever holding the inbox database's write lock, so no send
// waits behind it. It holds nothing that cannot be rebuilt from the messages: a missing file,
// one from an older layout, or one that does not match the database beside it (built for
// another database, or reaching past its newest message, as after restoring a backup) is
// rebuilt from scratch. A rebuilt index starts at the newest message: messages stored from
// then on are indexed first, as always, and the older ones are filled in behind them, newest
// first, so search works at once and only very old matches may be missing for a while.
//
// The index is contentless (the text stays in messages) and keyed by message id, so "newest
// matches first" is a descending rowid walk. The search box matches the last word as a prefix
// (search as you type); without a prefix index FTS5 answers a prefix query by merging every
// matching doclist up front (~15 ms at 1M messages for a common word), with one it walks
// lazily like a whole word (well under 1 ms), so prefixes of 1–8 characters get one.
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open';

/** Bump when the layout below changes: an index file of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 2;

/** The sender message id of the newest message at or before an id. */
const keyOfNewestUpTo = (upTo: string) => `(SELECT sender_message_id FROM main.messages WHERE id <= ${upTo} ORDER BY id DESC LIMIT 1)`;

const SEARCH_INDEX_SCHEMA = `
DROP TABLE IF EXISTS search.messages_fts;
DROP TABLE IF EXISTS search.index_state;
CREATE VIRTUAL TABLE search.messages_fts USING fts5(
  text, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8'
);
-- Every message with an id from messages_indexed_from to messages_indexed_up_to is indexed.
-- New messages move the upper end; a rebuild starts both at the newest message and moves the
-- lower end down to 1.
CREATE TABLE search.index_state (
  id                      INTEGER PRIMARY KEY CHECK (id = 1),
  database_token          TEXT NOT NULL,
  messages_indexed_up_to  INTEGER NOT NULL CHECK (messages_indexed_up_to >= 0),
  messages_indexed_from   INTEGER NOT NULL CHECK (messages_indexed_from >= 1),
  -- The sender message id of the newest message indexed: a database that holds another message
  -- under that id (a restored backup that has been written to since) is not this index's.
  last_indexed_key        TEXT
) STRICT;
INSERT INTO search.index_state (id, database_token, messages_indexed_up_to, messages_indexed_from, last_indexed_key)
  SELECT 1, token, newest, newest + 1, ${keyOfNewestUpTo('newest')}
    FROM main.database_identity, (SELECT coalesce(max(id), 0) AS newest FROM main.messages);
PRAGMA search.user_version = ${SEARCH_INDEX_VERSION};
`;

/** The index file of an inbox database file: inbox.sqlite3 → inbox.search.sqlite3. */
export const searchIndexFileOf = (databaseFile: string) => `${databaseFile.replace(/\.sqlite3?$/, '')}.search.sqlite3`;

/** Attaches the index file (':memory:' for an in-memory database) as `search`, creating its
 * tables, or building them afresh when they are not this layout's or not this database's. */
export function attachSearchIndex(db: Database, indexFile: string): void {
  db.prepare('ATTACH DATABASE ? AS search').run(indexFile);
  if (indexFile !== ':memory:') {
    db.pragma('search.journal_mode = WAL');
    // Derived data: after a power cut the index may lose its last steps, which catch-up redoes.
    db.pragma('search.synchronous = NORMAL');
  }
  if (!indexMatches(db)) db.exec(SEARCH_INDEX_SCHEMA);
}

/** Whether the attached index was built, by this layout, for this database as it is now. Messages
 * are never edited or deleted, so if the newest message it indexed is still there, unchanged,
 * everything it indexed is. */
function indexMatches(db: Database): boolean {
  if (db.pragma('search.user_version', { simple: true }) !== SEARCH_INDEX_VERSION) return false;
  const state = db
    .prepare(`SELECT s.database_token = d.token
                     AND s.messages_indexed_up_to <= coalesce((SELECT max(id) FROM main.messages), 0)
                     AND s.last_indexed_key IS ${keyOfNewestUpTo('s.messages_indexed_up_to')} AS matches
                FROM search.index_state s, main.database_identity d`)
    .get() as { matches: number } | undefined;
  return state?.matches === 1;
}

/** A connection for searching: the inbox database with its index attached. A file database
 * gets a connection of its own, so its reads never share a transaction (or the write lock)
 * with the writes; an in-memory one can only be reached through its own connection. */
export function openSearchConnection(db: Database): Database {
  if (db.memory) {
    attachSearchIndex(db, ':memory:');
    return db;
  }
  const connection = openDatabase(db.name);
  attachSearchIndex(connection, searchIndexFileOf(db.name));
  // The page cache the server sized for its own connection, for both files here too.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  connection.pragma(`cache_size = ${cacheSize}`);
  connection.pragma(`search.cache_size = ${cacheSize}`);
  return connection;
}

/** What one step did: how far up the index reaches now, and whether work remains. */
export type IndexStep = { indexedUpTo: number; more: boolean };

/** The steps' statements, run by the worker thread too (it cannot import this module). */
export const INDEX_STEP_SQL = {
  state: `SELECT messages_indexed_up_to AS upTo, messages_indexed_from AS "from",
                 coalesce((SELECT max(id) FROM main.messages), 0) AS newest
            FROM search.index_state WHERE id = 1`,
  /** The messages with ids in (after, upTo], oldest first. */
  index: `INSERT INTO search.messages_fts (rowid, text)
            SELECT id, text FROM main.messages WHERE id > :after AND id <= :upTo ORDER BY id`,
  advance: `UPDATE search.index_state SET messages_indexed_up_to = :upTo, last_indexed_key = ${keyOfNewestUpTo(':upTo')} WHERE id = 1`,
  fillIn: 'UPDATE search.index_state SET messages_indexed_from = :from WHERE id = 1',
};

export type IndexSteps = {
  /** Indexes up to `maxMessages` of the messages stored since the index last moved up. */
  forward(maxMessages: number): IndexStep;
  /** The next piece of work: new messages first, then older ones a rebuilt index has not
   * reached yet (newest first). */
  next(maxMessages: number): IndexStep;
};

/** Index steps on a connection with the index attached. Each is one transaction that writes
 * only the index file. The worker thread's loop does the same (searchIndexer.ts); the tests run
 * both through the same cases. */
export function createIndexSteps(connection: Database): IndexSteps {
  const state = connection.prepare<[], { upTo: number; from: number; newest: number }>(INDEX_STEP_SQL.state);
  const index = connection.prepare<{ after: number; upTo: number }>(INDEX_STEP_SQL.index);
  const advance = connection.prepare<{ upTo: number }>(INDEX_STEP_SQL.advance);
  const fillIn = connection.prepare<{ from: number }>(INDEX_STEP_SQL.fillIn);
  const step = connection.transaction((maxMessages: number, olderToo: boolean): IndexStep => {
    const { upTo, from, newest } = state.get()!;
    if (newest > upTo) {
      // Ids only grow, so a range of ids holds at most that many messages.
      const next = Math.min(newest, upTo + maxMessages);
      index.run({ after: upTo, upTo: next });
      advance.run({ upTo: next });
      return { indexedUpTo: next, more: next < newest || (olderToo && from > 1) };
    }
    if (!olderToo || from <= 1) return { indexedUpTo: upTo, more: false };
    const lower = Math.max(1, from - maxMessages);
    index.run({ after: lower - 1, upTo: from - 1 });
    fillIn.run({ from: lower });
    return { indexedUpTo: upTo, more: lower > 1 };
  });
  return {
    forward: (maxMessages) => step.deferred(maxMessages, false),
    next: (maxMessages) => step.deferred(maxMessages, true),
  };
}

/** The newest stored message id: what the index must reach for a search to miss nothing. */
export function createNewestMessageId(connection: Database): () => number {
  const newest = connection.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM main.messages');
  return () => newest.get()!.id;
}
