// Memory is given back once the server has been idle a while, once per idle stretch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './db/open';
import { IDLE_UTILIZATION, nextIdleState, startIdleMemoryTrim, type IdleState } from './idleMemory';
import { createMemoryLogger } from './log';

describe('nextIdleState', () => {
  const fresh: IdleState = { idleSinceMs: null, trimmed: false };
  const quiet = IDLE_UTILIZATION / 2;
  const busy = IDLE_UTILIZATION * 2;

  it('trims once the loop has been quiet for the idle time, and only once', () => {
    let step = nextIdleState(fresh, quiet, 1_000, 10_000);
    expect(step).toEqual({ state: { idleSinceMs: 1_000, trimmed: false }, trim: false });
    step = nextIdleState(step.state, quiet, 10_999, 10_000);
    expect(step.trim).toBe(false);
    step = nextIdleState(step.state, quiet, 11_000, 10_000);
    expect(step.trim).toBe(true);
    step = nextIdleState(step.state, quiet, 60_000, 10_000);
    expect(step.trim).toBe(false);
  });

  it('starts over after a busy stretch, and trims again after the next idle one', () => {
    let step = nextIdleState(fresh, quiet, 0, 10_000);
    step = nextIdleState(step.state, quiet, 10_000, 10_000);
    expect(step.trim).toBe(true);
    step = nextIdleState(step.state, busy, 12_000, 10_000);
    expect(step).toEqual({ state: { idleSinceMs: null, trimmed: false }, trim: false });
    step = nextIdleState(step.state, quiet, 15_000, 10_000);
    step = nextIdleState(step.state, quiet, 24_999, 10_000);
    expect(step.trim).toBe(false);
    step = nextIdleState(step.state, quiet, 25_000, 10_000);
    expect(step.trim).toBe(true);
  });
});

describe('startIdleMemoryTrim', () => {
  it('shrinks a real connection\'s page cache once the process has been idle, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-idle-memory-'));
    const db = openDatabase(join(dir, 'inbox.sqlite3'));
    try {
      db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
               WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
               INSERT INTO notes (text) SELECT printf('%.500c', 'x') FROM n`);
      // Pages read into the connection's cache, for shrink_memory to free.
      expect(db.prepare('SELECT count(*) AS n FROM notes WHERE text LIKE ?').get('%y%')).toEqual({ n: 0 });
      let shrinks = 0;
      const log = createMemoryLogger();
      await new Promise<void>((resolve) => {
        const trim = startIdleMemoryTrim({
          shrinkCaches: () => {
            db.pragma('shrink_memory');
            shrinks += 1;
          },
          log,
          checkMs: 20,
          idleMs: 100,
          trimmed: () => {
            trim.stop();
            resolve();
          },
        });
      });
      expect(shrinks).toBe(1);
      expect(log.entries.map((entry) => [entry.level, entry.message])).toEqual([['info', 'Idle: memory given back']]);
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
