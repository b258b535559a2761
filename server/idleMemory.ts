// Gives memory back once the server has been idle for a while. Under load V8 grows the young
// generation to its maximum (32 MB semi-spaces, see processEnvironment.ts) and keeps it resident
// afterwards, and SQLite keeps the pages it read in each connection's cache; on a reception
// computer the inbox is quiet most of the day, so that memory sits unused. After `idleMs` with
// the event loop almost idle, one memory-reducing GC (V8's "last resort" flavour: collect
// everything collectable, shrink the young generation, release free pages) and SQLite's
// shrink_memory give it back: ~105 → ~88 MB RSS for the demo salon, measured with
// `npm run bench:desktop`. Then nothing more until the server has been busy again.
//
// The GC needs Node's --expose-gc (SERVER_NODE_FLAGS); without it only SQLite's caches shrink.
import { performance } from 'node:perf_hooks';
import type { Logger } from './log';

/** How often the event loop's use is sampled. */
export const IDLE_CHECK_MS = 2_500;
/** How long the loop must stay almost idle before memory is given back. */
export const IDLE_TRIM_AFTER_MS = 10_000;
/** A sample window busier than this (share of the time the loop was working) is activity. */
export const IDLE_UTILIZATION = 0.02;

export type IdleState = { idleSinceMs: number | null; trimmed: boolean };

/** One sample: whether to trim now, and the state after it. Pure, for the tests. */
export function nextIdleState(state: IdleState, utilization: number, nowMs: number, idleMs = IDLE_TRIM_AFTER_MS): { state: IdleState; trim: boolean } {
  if (utilization > IDLE_UTILIZATION) return { state: { idleSinceMs: null, trimmed: false }, trim: false };
  const idleSinceMs = state.idleSinceMs ?? nowMs;
  const trim = !state.trimmed && nowMs - idleSinceMs >= idleMs;
  return { state: { idleSinceMs, trimmed: state.trimmed || trim }, trim };
}

type GcOptions = { type: 'major'; execution: 'sync'; flavor: 'last-resort' };

/** V8's gc(), where --expose-gc made it available. */
function exposedGc(): ((options: GcOptions) => void) | null {
  const gc = (globalThis as { gc?: (options: GcOptions) => void }).gc;
  return typeof gc === 'function' ? gc : null;
}

export type IdleMemoryOptions = {
  /** Frees what the SQLite connections cache (PRAGMA shrink_memory). */
  shrinkCaches(): void;
  log: Logger;
  checkMs?: number;
  idleMs?: number;
  /** For tests: told after each trim. */
  trimmed?(): void;
};

export function startIdleMemoryTrim(options: IdleMemoryOptions): { stop(): void } {
  const { shrinkCaches, log, checkMs = IDLE_CHECK_MS, idleMs = IDLE_TRIM_AFTER_MS } = options;
  const gc = exposedGc();
  let state: IdleState = { idleSinceMs: null, trimmed: false };
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const decision = nextIdleState(state, performance.eventLoopUtilization(now, last).utilization, performance.now(), idleMs);
    last = now;
    state = decision.state;
    if (!decision.trim) return;
    try {
      const before = process.memoryUsage.rss();
      const started = performance.now();
      shrinkCaches();
      gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
      log.info('Idle: memory given back', { rssMb: mb(before), nowMb: mb(process.memoryUsage.rss()), ms: Math.round(performance.now() - started), gc: gc !== null });
    } catch (error) {
      log.warn('Giving memory back while idle failed', { error });
    }
    options.trimmed?.();
    // The trim itself was work: start the next idle stretch after it.
    last = performance.eventLoopUtilization();
  }, checkMs);
  // Never the reason a shutting-down server stays alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
