// The search index worker thread's program (searchIndexer.ts starts it when there is work).
// Plain CommonJS run with `eval`, so the built server needs no separate worker file. Its step is
// createIndexSteps's `next`, over the same statements (INDEX_STEP_SQL). It tells the main thread
// how far up the index reaches after every step (and whether more waits), and why a step failed.
export const SEARCH_INDEX_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { sql, step } = workerData;
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.prepare('ATTACH DATABASE ? AS search').run(workerData.indexFile);
db.pragma('search.synchronous = NORMAL');
// It reads each new message once and writes the index in runs: small page caches keep its share
// of the server's memory small (the driver's default is 16 MB per database).
db.pragma('cache_size = ' + workerData.cacheSize.messages);
db.pragma('search.cache_size = ' + workerData.cacheSize.index);
const state = db.prepare(sql.state);
const index = db.prepare(sql.index);
const advance = db.prepare(sql.advance);
const fillIn = db.prepare(sql.fillIn);
const next = db.transaction(() => {
  const { upTo, from, newest } = state.get();
  if (newest > upTo) {
    const last = Math.min(newest, upTo + step);
    index.run({ after: upTo, upTo: last });
    advance.run({ upTo: last });
    return { indexedUpTo: last, more: last < newest || from > 1 };
  }
  if (from <= 1) return { indexedUpTo: upTo, more: false };
  const lower = Math.max(1, from - step);
  index.run({ after: lower - 1, upTo: from - 1 });
  fillIn.run({ from: lower });
  return { indexedUpTo: upTo, more: lower > 1 };
});
let running = false;
let stopping = false;
function run() {
  if (stopping) return;
  try {
    const done = next.deferred();
    parentPort.postMessage({ indexedUpTo: done.indexedUpTo, more: done.more });
    if (done.more) return void setImmediate(run);
  } catch (error) {
    parentPort.postMessage({ failed: String((error && error.message) || error) });
  }
  running = false;
}
parentPort.on('message', (message) => {
  if (message === 'stop') {
    stopping = true;
    db.close();
    parentPort.close();
  } else if (!running) {
    running = true;
    setImmediate(run);
  }
});
`;
