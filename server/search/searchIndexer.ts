// Keeps the message search index close behind the writes. A worker thread with a connection of
// its own does the indexing: it reads the new messages (a WAL reader never blocks the writer)
// and writes only the index file (searchIndex.ts), so a send never waits for it. On the event
// loop, indexing with its segment merges held up every send queued behind it (the bench's
// delivery p99 went from ~40 ms to ~10 ms when it moved off).
//
// After a batch of messages commits, what is new is indexed a moment later, a few hundred
// messages per transaction; a search first waits until every message stored before it is
// indexed, so it never misses the newest. Where no worker can run (an in-memory database, or a
// packaged app whose worker cannot load the driver) the same steps run on the event loop, with
// the loop free between steps.
//
// The worker (its own V8 isolate and SQLite connection: ~10-15 MB) runs only while there is
// something to index: it starts when a commit or a search asks, and stops once it has had
// nothing to do for a while. How far the index reaches is kept in the index file itself, so a
// new worker carries on where the last one stopped.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';
import { INDEX_STEP_SQL, createIndexSteps, createNewestMessageId, searchIndexFileOf } from './searchIndex';
import { SEARCH_INDEX_WORKER_SOURCE } from './searchIndexWorkerSource';

/** How long after a commit indexing starts: later steps take more messages at once, and FTS5
 * writes one segment per step. */
export const SEARCH_INDEX_DELAY_MS = 200;
/** Messages per indexing transaction. */
export const SEARCH_INDEX_STEP = 200;
/** The worker stops once it has had nothing to index for this long. */
export const SEARCH_INDEX_IDLE_STOP_MS = 5_000;

export type SearchIndexer = {
  /** Messages were committed: index them soon. */
  schedule(): void;
  /** Resolves once every message committed before the call is indexed. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
  /** Whether a worker thread is running now (never, when indexing runs on the event loop). */
  running(): boolean;
};

export type SearchIndexerOptions = {
  delayMs?: number;
  step?: number;
  worker?: boolean;
  idleStopMs?: number;
  /** For tests: told when a worker starts and when it has stopped. */
  events?: { started?(): void; stopped?(): void };
};

/** Whether any message waits: stored after the index's reach, or older ones a rebuilt index has
 * not filled in yet. */
function indexingWaits(connection: Database): boolean {
  const { upTo, from, newest } = connection.prepare<[], { upTo: number; from: number; newest: number }>(INDEX_STEP_SQL.state).get()!;
  return newest > upTo || from > 1;
}

/** Starts indexing for a connection with the index attached (openSearchConnection), beginning
 * with whatever waits: messages stored while the server was down, or a rebuild. */
export function startSearchIndexer(connection: Database, log: Logger, options: SearchIndexerOptions = {}): SearchIndexer {
  const { delayMs = SEARCH_INDEX_DELAY_MS, step = SEARCH_INDEX_STEP, worker = true, idleStopMs = SEARCH_INDEX_IDLE_STOP_MS, events = {} } = options;
  const indexer =
    worker && !connection.memory
      ? startWorkerIndexer(connection, log, { delayMs, step, idleStopMs, events })
      : startInThreadIndexer(connection, log, delayMs, step);
  if (indexingWaits(connection)) indexer.schedule();
  return indexer;
}

function startInThreadIndexer(connection: Database, log: Logger, delayMs: number, step: number): SearchIndexer {
  const steps = createIndexSteps(connection);
  let cancelPending: (() => void) | null = null;
  let stopped = false;

  function run(): void {
    cancelPending = null;
    try {
      if (!steps.next(step).more) return;
      const next = setImmediate(run);
      cancelPending = () => clearImmediate(next);
    } catch (error) {
      // e.g. the database closed at shutdown: the next search (or start) catches up.
      log.warn('Search indexing deferred', { error });
    }
  }

  return {
    schedule() {
      if (cancelPending || stopped) return;
      // Never the reason a shutting-down server stays alive.
      const timer = setTimeout(run, delayMs).unref();
      cancelPending = () => clearTimeout(timer);
    },
    async caughtUp() {
      if (!stopped) steps.forward(Number.MAX_SAFE_INTEGER);
    },
    async stop() {
      stopped = true;
      cancelPending?.();
      cancelPending = null;
    },
    running: () => false,
  };
}


type FromWorker = { indexedUpTo: number; more: boolean } | { failed: string };
type Waiter = { upTo: number; resolve: () => void };
type WorkerPlan = { delayMs: number; step: number; idleStopMs: number; events: NonNullable<SearchIndexerOptions['events']> };

function startWorkerIndexer(connection: Database, log: Logger, plan: WorkerPlan): SearchIndexer {
  const { delayMs, step, idleStopMs, events } = plan;
  let driver: string;
  try {
    driver = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch (error) {
    // e.g. the driver cannot be resolved from here in a packaged app.
    log.error('Search index worker could not start; indexing on the event loop', { error });
    return startInThreadIndexer(connection, log, delayMs, step);
  }

  const newestMessageId = createNewestMessageId(connection);
  let indexedUpTo = (connection.prepare('SELECT messages_indexed_up_to AS upTo FROM search.index_state').get() as { upTo: number }).upTo;
  let waiters: Waiter[] = [];
  let timer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let fallback: SearchIndexer | null = null;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  /** The worker was asked to index and has not yet said it ran out of work. */
  let busy = false;
  /** The running worker was asked to stop (idle, or shutdown). */
  let retiring = false;
  /** Work asked for while the last worker was stopping: start the next one when it has gone. */
  let wantedAfterExit = false;
  let stopping = false;

  const settle = (all: boolean) => {
    const ready = waiters.filter((waiter) => all || waiter.upTo <= indexedUpTo);
    waiters = waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
    if (waiters.length === 0) worker?.unref();
  };
  // The worker died: index on the event loop from now on.
  const fallBack = (error: unknown) => {
    if (fallback || stopping) return;
    log.error('Search index worker failed; indexing on the event loop', { error });
    fallback = startInThreadIndexer(connection, log, delayMs, step);
    void fallback.caughtUp().then(() => settle(true));
  };

  const retire = () => {
    const thread = worker;
    if (!thread || retiring) return;
    retiring = true;
    // Held until it has closed its connection: a process with nothing else left would
    // otherwise exit before the caller's next step (closing the database).
    thread.ref();
    thread.postMessage('stop');
  };
  /** Nothing to do: stop the worker after a while, unless work comes first. */
  const idleLater = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (busy || timer || waiters.length > 0 || !worker) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (!busy && !timer && waiters.length === 0) retire();
    }, idleStopMs).unref();
  };

  function launch(): Worker | null {
    let thread: Worker;
    try {
      thread = new Worker(SEARCH_INDEX_WORKER_SOURCE, {
        eval: true,
        workerData: {
          driver,
          file: connection.name,
          indexFile: searchIndexFileOf(connection.name),
          sql: INDEX_STEP_SQL,
          step,
          // PRAGMA cache_size values (negative: KiB): 1 MB for the messages, 4 MB for the index.
          cacheSize: { messages: -1024, index: -4096 },
        },
        // Its data lives in SQLite's own memory: a small heap keeps its share of the RSS small.
        resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
      });
    } catch (error) {
      fallBack(error);
      return null;
    }
    worker = thread;
    retiring = false;
    thread.on('message', (message: FromWorker) => {
      if ('failed' in message) {
        // A search waiting for it goes ahead with what is indexed; the next commit tries again.
        log.warn('Search indexing deferred', { error: message.failed });
        busy = false;
        settle(true);
      } else {
        indexedUpTo = message.indexedUpTo;
        if (!message.more) busy = false;
        settle(false);
      }
      idleLater();
    });
    thread.once('error', fallBack);
    exited = new Promise<void>((resolve) =>
      thread.once('exit', (code) => {
        const planned = retiring;
        worker = null;
        retiring = false;
        busy = false;
        events.stopped?.();
        resolve();
        if (!planned) fallBack(new Error(`search index worker exited with code ${code}`));
        else if (wantedAfterExit && !stopping) {
          wantedAfterExit = false;
          index();
        }
      }),
    );
    // Never the reason a shutting-down server stays alive, unless a search waits for it.
    if (waiters.length === 0) thread.unref();
    events.started?.();
    return thread;
  }

  /** Have the worker index what waits, starting one if none runs. */
  function index(): void {
    if (fallback) return void fallback.caughtUp().then(() => settle(true));
    if (stopping) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (retiring) {
      wantedAfterExit = true;
      return;
    }
    const thread = worker ?? launch();
    if (!thread) return;
    if (waiters.length > 0) thread.ref();
    busy = true;
    thread.postMessage('index');
  }

  return {
    schedule() {
      if (fallback) return fallback.schedule();
      if (timer || stopping) return;
      timer = setTimeout(() => {
        timer = null;
        index();
      }, delayMs).unref();
    },
    caughtUp() {
      if (fallback) return fallback.caughtUp();
      const upTo = newestMessageId();
      if (upTo <= indexedUpTo || stopping) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.push({ upTo, resolve });
        index();
      });
    },
    running: () => worker !== null,
    async stop() {
      if (timer) clearTimeout(timer);
      if (idleTimer) clearTimeout(idleTimer);
      if (fallback) return fallback.stop();
      stopping = true;
      retire();
      await exited;
      settle(true);
    },
  };
}
