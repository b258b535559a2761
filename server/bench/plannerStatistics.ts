// `npx jiti server/bench/plannerStatistics.ts`: prints the query planner's statistics of the
// bench's full workspace, as server/testing/plannerStatistics.ts lists them for the plan tests:
// first as the seeding's PRAGMA optimize left them, then as a full ANALYZE writes them. Seeds
// the workspace first when no cached copy exists (about a minute).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { benchDatabase, SEED_SIZES } from './seed';

type Row = { tbl: string; idx: string | null; stat: string };

function print(title: string, rows: Row[]): void {
  process.stdout.write(`// ${title}\n`);
  for (const row of rows) process.stdout.write(`  [${JSON.stringify(row.tbl)}, ${JSON.stringify(row.idx)}, ${JSON.stringify(row.stat)}],\n`.replaceAll('"', "'"));
}

const dir = mkdtempSync(join(tmpdir(), 'inbox-planner-statistics-'));
try {
  const file = join(dir, 'bench.sqlite3');
  benchDatabase(SEED_SIZES.full, file, Date.now());
  const db = new BetterSqlite3(file);
  const statistics = db.prepare<[], Row>('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx');
  print('BENCH_OPTIMIZE_STATISTICS (as seeded)', statistics.all());
  db.exec('ANALYZE');
  print('BENCH_ANALYZE_STATISTICS (after a full ANALYZE)', statistics.all());
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
