// Stopping the worker threads (search indexer, WAL checkpointer) keeps the process alive until
// they have closed their connections, so shutdown goes on to close the database even when
// nothing else is left running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('stops the search and checkpoint workers and then closes the database, in a process with nothing else running', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-worker-stop-'));
  try {
    const jiti = join(process.cwd(), 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
    const run = spawnSync(process.execPath, [jiti, join(process.cwd(), 'server', 'testing', 'lastStepAfterStop.ts'), dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(['search closed', 'checkpointer stopped', 'database closed']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
