// Keeps the message search index close behind the writes: after a batch of messages commits,
// index what is new a moment later, in one go. Searches catch up first anyway, so this only
// keeps the work they might meet small.
import type { Logger } from '../log';
import type { Repositories } from '../repositories';

export const SEARCH_INDEX_DELAY_MS = 200;

export type SearchIndexer = { schedule(): void };

export function createSearchIndexer(repos: Repositories, log: Logger, delayMs = SEARCH_INDEX_DELAY_MS): SearchIndexer {
  let timer: NodeJS.Timeout | null = null;
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        try {
          repos.search.catchUp();
        } catch (error) {
          // e.g. the database closed at shutdown: the next search (or start) catches up.
          log.warn('Search indexing deferred', { error });
        }
      }, delayMs);
      // Never the reason a shutting-down server stays alive.
      timer.unref();
    },
  };
}
