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
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';

export const CHECKPOINT_INTERVAL_MS = 250;
/** A WAL file bigger than this is cut to nothing once writes have paused... */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** ...for this long. */
export const WAL_QUIET_BEFORE_TRUNCATE_MS = 2000;
/** SQLite's default, restored when the worker cannot do the job. */
const AUTO_CHECKPOINT_PAGES = 1000;

// Plain CommonJS run with `eval`, so the built server needs no separate worker file.
const WORKER_SOURCE = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const walBytes = () => {
  try { return statSync(workerData.file + '-wal').size; } catch { return 0; }
};
let lastFrames = -1;
let quietSince = Date.now();
const timer = setInterval(() => {
  const [state] = db.pragma('wal_checkpoint(PASSIVE)');
  // The WAL's frame count only stays the same while nobody writes.
  if (state.log !== lastFrames) quietSince = Date.now();
  lastFrames = state.log;
  const caughtUp = state.busy === 0 && state.checkpointed === state.log;
  if (caughtUp && Date.now() - quietSince >= workerData.quietMs && walBytes() > workerData.walLimitBytes) {
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type Checkpointer = { stop(): Promise<void> };

export type CheckpointerOptions = { intervalMs?: number; quietMs?: number; walLimitBytes?: number };

export function startCheckpointer(db: Database, log: Logger, options: CheckpointerOptions = {}): Checkpointer {
  const { intervalMs = CHECKPOINT_INTERVAL_MS, quietMs = WAL_QUIET_BEFORE_TRUNCATE_MS, walLimitBytes = WAL_SIZE_LIMIT_BYTES } = options;
  if (db.memory) return { stop: async () => {} };
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: db.name, intervalMs, quietMs, walLimitBytes },
      // It holds no data of its own: a small heap keeps its share of the server's RSS small.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    });
  } catch (error) {
    // e.g. the driver cannot be resolved from here in a packaged app: commits keep checkpointing.
    log.error('WAL checkpoint worker could not start; checkpointing on commit', { error });
    return { stop: async () => {} };
  }
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    log.error('WAL checkpoint worker failed; checkpointing on commit again', { error });
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    running = false;
  });
  // Never the reason a shutting-down server stays alive.
  worker.unref();
  return {
    async stop() {
      if (running) {
        // Held until it has closed its connection: a process with nothing else left would
        // otherwise exit before the caller's next step (closing the database).
        worker.ref();
        worker.postMessage('stop');
      }
      running = false;
      await exited;
    },
  };
}
