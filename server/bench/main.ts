// `npm run bench`: runs the bench, prints the table and saves the run as JSON.
//   --quick              smaller workspace and shorter phases, for development
//   --tiny               the smallest run (what the harness test uses)
//   --source             run the server from TypeScript instead of the build
//   --out <dir>          where to save results (default bench-results/)
//   --compare <a> <b>    print two saved runs side by side instead of running
//   --desktop            the desktop's footprint instead (npm run bench:desktop; with --quick
//                        a shorter working day)
//   --first-rows [n]     with --desktop: only sign-in answer → first rows, step by step, the
//                        median of n sign-ins (default 7) per workspace
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatComparison, formatTable, parseResult } from './report';
import { runFirstRows } from './footprint/firstRows';
import { runFootprint } from './footprint/runFootprint';
import { runBench, type BenchMode } from './run';

async function main(argv: string[]): Promise<number> {
  const compare = argv.indexOf('--compare');
  if (compare !== -1) {
    const [before, after] = argv.slice(compare + 1, compare + 3);
    if (!before || !after) {
      process.stderr.write('Usage: npm run bench -- --compare <before.json> <after.json>\n');
      return 2;
    }
    process.stdout.write(`${formatComparison(parseResult(readFileSync(before, 'utf8')), parseResult(readFileSync(after, 'utf8')))}\n`);
    return 0;
  }
  const mode: BenchMode = argv.includes('--tiny') ? 'tiny' : argv.includes('--quick') ? 'quick' : 'full';
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex === -1 ? 'bench-results' : argv[outIndex + 1];
  if (!outDir) {
    process.stderr.write('--out needs a directory\n');
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const desktop = argv.includes('--desktop');
  if (desktop && mode === 'tiny') {
    process.stderr.write('--desktop runs in full or --quick mode\n');
    return 2;
  }
  const firstRows = argv.indexOf('--first-rows');
  const attempts = firstRows === -1 ? 0 : Number(argv[firstRows + 1]?.match(/^\d+$/) ? argv[firstRows + 1] : 7);
  if (firstRows !== -1 && (!desktop || attempts < 1)) {
    process.stderr.write('--first-rows goes with --desktop (npm run bench:desktop -- --first-rows [n], n ≥ 1)\n');
    return 2;
  }
  const result =
    firstRows !== -1
      ? await runFirstRows({ attempts, log })
      : desktop
        ? await runFootprint({ mode: mode === 'quick' ? 'quick' : 'full', log })
        : await runBench({ mode, server: argv.includes('--source') ? 'source' : 'built', log });
  mkdirSync(outDir, { recursive: true });
  const kind = firstRows !== -1 ? 'first-rows' : desktop ? `desktop-${mode}` : mode;
  const file = join(outDir, `${result.startedAt.replace(/[:.]/g, '-')}-${kind}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(result)}\n`);
  for (const note of result.notes) process.stdout.write(`note: ${note}\n`);
  process.stdout.write(`\nSaved ${file}. Compare two runs: npm run bench -- --compare <before.json> <after.json>\n`);
  if (!desktop) process.stdout.write('The desktop app\'s footprint (renderer in Chromium, server memory): npm run bench:desktop\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
