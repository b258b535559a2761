// Keeps the message search index close behind the writes: after a batch of messages commits,
// index what is new a moment later, a few hundred messages at a time with the event loop free
// in between (indexing a message costs more than storing it, and one long step would delay
// every send queued behind it). Searches catch up first anyway, so this only keeps the work
// they might meet small.
import type { Logger } from '../log';
import type { Repositories } from '../repositories';

export const SEARCH_INDEX_DELAY_MS = 200;
/** A few milliseconds of indexing per step on the bench machine (~20 ms for the step that
 * sets off one of FTS5's segment merges). */
export const SEARCH_INDEX_STEP = 200;

export type SearchIndexer = { schedule(): void };

export function createSearchIndexer(repos: Repositories, log: Logger, delayMs = SEARCH_INDEX_DELAY_MS): SearchIndexer {
  let pending: NodeJS.Timeout | NodeJS.Immediate | null = null;

  function step(): void {
    pending = null;
    try {
      if (repos.search.catchUp(SEARCH_INDEX_STEP).more) pending = setImmediate(step).unref();
    } catch (error) {
      // e.g. the database closed at shutdown: the next search (or start) catches up.
      log.warn('Search indexing deferred', { error });
    }
  }

  return {
    schedule() {
      if (pending) return;
      // Never the reason a shutting-down server stays alive.
      pending = setTimeout(step, delayMs).unref();
    },
  };
}
