// Checkpoints the WAL from a worker thread. SQLite's automatic checkpoint runs inside the commit
// that crosses the threshold, on the event loop: it copies pages into the database file and
// fsyncs it, and every socket waits meanwhile (in a send microbench, about a third of the wall
// time per message). A second connection in a worker checkpoints PASSIVE (never blocking the
// writer) instead; if the worker fails, automatic checkpoints are switched back on, so the WAL
// is still copied back. (Under a burst the WAL outgrows the checkpoints for a while; the
// journal_size_limit set in open.ts cuts the file down again once they have caught up.)
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';

export const CHECKPOINT_INTERVAL_MS = 250;
/** SQLite's default, restored when the worker cannot do the job. */
const AUTO_CHECKPOINT_PAGES = 1000;

// Plain CommonJS run with `eval`, so the built server needs no separate worker file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type Checkpointer = { stop(): Promise<void> };

export function startCheckpointer(db: Database, log: Logger, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  if (db.memory) return { stop: async () => {} };
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: db.name, intervalMs },
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
      if (running) worker.postMessage('stop');
      running = false;
      await exited;
    },
  };
}
