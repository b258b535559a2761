// Checkpoints the WAL from a worker thread. SQLite's automatic checkpoint runs inside the commit
// that crosses the threshold, on the event loop: it copies pages into the database file and
// fsyncs it, and every socket waits meanwhile (in a send microbench, about a third of the wall
// time per message). A second connection in a worker checkpoints PASSIVE (never blocking the
// writer) instead; if the worker fails, automatic checkpoints are switched back on, so the WAL
// is still copied back.
//
// Under a burst of writes the WAL file outgrows the checkpoints (to ~1 GB in the bench's
// 1,000-connection phase) and SQLite keeps that size on disk. Cutting it down frees the file's
// cached pages (~350 ms for 500 MB) under the write lock, so a write arriving meanwhile waits:
// done by the writer (journal_size_limit) it stalled the next send every time. So the worker
// does it, only once nothing has been written for a while and only when the file is big.
//
// A worker thread costs ~10-15 MB of memory (its own V8 isolate and SQLite connection), and on a
// reception computer the inbox is quiet most of the day. So the worker runs only while there is
// something to checkpoint: the event loop looks at the WAL file (a stat every 250 ms, a few
// microseconds), starts the worker when the file has changed, and stops it once nothing has been
// written for a while, after a last checkpoint. Frames written meanwhile are not lost: they stay
// in the WAL (readers see them) until the next worker copies them.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';

export const CHECKPOINT_INTERVAL_MS = 250;
/** A WAL file bigger than this is cut to nothing once writes have paused... */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** ...for this long. */
export const WAL_QUIET_BEFORE_TRUNCATE_MS = 2000;
/** The worker stops once nothing has been written for this long. */
export const CHECKPOINT_IDLE_STOP_MS = 5_000;
/** SQLite's default, restored when the worker cannot do the job. */
const AUTO_CHECKPOINT_PAGES = 1000;

// Plain CommonJS run with `eval`, so the built server needs no separate worker file. Asked to
// stop, it checkpoints once more (and cuts a big WAL), then tells what the WAL file looked like
// when it was done, so the next write shows as a change.
const WORKER_SOURCE = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const walBytes = () => {
  try { return statSync(workerData.file + '-wal').size; } catch { return 0; }
};
const walStamp = () => {
  try { const { size, mtimeMs } = statSync(workerData.file + '-wal'); return size + ':' + mtimeMs; } catch { return 'none'; }
};
let lastFrames = -1;
let quietSince = Date.now();
function checkpoint(quietMs) {
  const [state] = db.pragma('wal_checkpoint(PASSIVE)');
  // The WAL's frame count only stays the same while nobody writes.
  if (state.log !== lastFrames) quietSince = Date.now();
  lastFrames = state.log;
  const caughtUp = state.busy === 0 && state.checkpointed === state.log;
  if (caughtUp && Date.now() - quietSince >= quietMs && walBytes() > workerData.walLimitBytes) {
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
const timer = setInterval(() => checkpoint(workerData.quietMs), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  try { checkpoint(0); } catch {}
  const left = walStamp();
  db.close();
  parentPort.postMessage(left);
  parentPort.close();
});
`;

export type Checkpointer = {
  stop(): Promise<void>;
  /** Whether a worker thread is running now. */
  running(): boolean;
};

export type CheckpointerOptions = {
  intervalMs?: number;
  quietMs?: number;
  walLimitBytes?: number;
  /** How often the event loop looks at the WAL file for new writes. */
  pollMs?: number;
  idleStopMs?: number;
  /** For tests: told when a worker starts or has stopped, and after every look at the WAL. */
  events?: { started?(): void; stopped?(): void; polled?(): void };
};

/** What the WAL file looks like: any write changes its size or modification time. (The worker
 * has its own copy of this.) */
function walStamp(file: string): string {
  try {
    const { size, mtimeMs } = statSync(`${file}-wal`);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'none';
  }
}

export function startCheckpointer(db: Database, log: Logger, options: CheckpointerOptions = {}): Checkpointer {
  const {
    intervalMs = CHECKPOINT_INTERVAL_MS,
    quietMs = WAL_QUIET_BEFORE_TRUNCATE_MS,
    walLimitBytes = WAL_SIZE_LIMIT_BYTES,
    pollMs = CHECKPOINT_INTERVAL_MS,
    idleStopMs = CHECKPOINT_IDLE_STOP_MS,
    events = {},
  } = options;
  if (db.memory) return { stop: async () => {}, running: () => false };
  let driver: string;
  try {
    driver = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch (error) {
    // e.g. the driver cannot be resolved from here in a packaged app: commits keep checkpointing.
    log.error('WAL checkpoint worker could not start; checkpointing on commit', { error });
    return { stop: async () => {}, running: () => false };
  }
  db.pragma('wal_autocheckpoint = 0');

  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;
  let failed = false;
  let shutDown = false;
  let seen = walStamp(db.name);
  let lastWriteAt = Date.now();

  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    log.error('WAL checkpoint worker failed; checkpointing on commit again', { error });
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    clearInterval(poll);
  };

  function start(): void {
    let thread: Worker;
    try {
      thread = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver, file: db.name, intervalMs, quietMs, walLimitBytes },
        // It holds no data of its own: a small heap keeps its share of the server's RSS small.
        resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
      });
    } catch (error) {
      return fail(error);
    }
    worker = thread;
    stopping = false;
    thread.once('error', fail);
    thread.on('message', (left: string) => {
      // Its last checkpoint is done: the WAL as it left it is not new work (a write since then
      // has changed the file, and shows).
      if (walStamp(db.name) === left) seen = left;
    });
    exited = new Promise<void>((resolve) =>
      thread.once('exit', () => {
        worker = null;
        events.stopped?.();
        resolve();
      }),
    );
    // Never the reason a shutting-down server stays alive.
    thread.unref();
    events.started?.();
  }

  async function stopWorker(): Promise<void> {
    const thread = worker;
    if (!thread || stopping) return exited;
    stopping = true;
    // Held until it has closed its connection: a process with nothing else left would
    // otherwise exit before the caller's next step (closing the database).
    thread.ref();
    thread.postMessage('stop');
    return exited;
  }

  const poll = setInterval(() => {
    const now = walStamp(db.name);
    if (now !== seen) {
      seen = now;
      lastWriteAt = Date.now();
      // A write while the last worker is finishing: start the next once it has gone.
      if (!worker) start();
      else if (stopping) void exited.then(() => !shutDown && !failed && !worker && start());
    } else if (worker && !stopping && Date.now() - lastWriteAt >= idleStopMs) {
      void stopWorker();
    }
    events.polled?.();
  }, pollMs);
  poll.unref();
  // A WAL left with frames in it (the server stopped without its last checkpoint) is work now.
  if (seen !== 'none' && !seen.startsWith('0:')) start();

  return {
    running: () => worker !== null,
    async stop() {
      shutDown = true;
      clearInterval(poll);
      await stopWorker();
    },
  };
}
