// Search as the server uses it: queries on a connection with the message index attached, and
// the indexer that keeps that index behind the writes. createServer opens it beside its database.
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';
import { createSearchRepository, type SearchRepository } from './search.repository';
import { openSearchConnection } from './searchIndex';
import { startSearchIndexer, type SearchIndexer, type SearchIndexerOptions } from './searchIndexer';

export type Search = { repository: SearchRepository; indexer: SearchIndexer; close(): Promise<void> };

export function openSearch(db: Database, log: Logger, options: SearchIndexerOptions = {}): Search {
  const connection = openSearchConnection(db);
  const indexer = startSearchIndexer(connection, log, options);
  return {
    repository: createSearchRepository(connection),
    indexer,
    async close() {
      await indexer.stop();
      if (connection !== db) connection.close();
    },
  };
}
