// The bench's results: one row per figure, each beside the baseline measured in the same run,
// printed as a table and saved as JSON so two runs can be compared.
import { z } from 'zod';

export const BENCH_RESULT_VERSION = 1;

/** lower: smaller is better (latency, memory, time); higher: bigger is better (throughput). */
export const directionSchema = z.enum(['lower', 'higher']);

export const figureSchema = z.object({
  /** Stable key, used to match rows when comparing runs. */
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  better: directionSchema,
  baseline: z.object({ label: z.string(), value: z.number().nullable() }).nullable(),
  /** The target, when it sets one. */
  target: z.number().nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

export const benchResultSchema = z.object({
  version: z.literal(BENCH_RESULT_VERSION),
  startedAt: z.string(),
  mode: z.enum(['full', 'quick', 'tiny']),
  machine: z.object({ cpus: z.number(), cpuModel: z.string(), totalMemoryMb: z.number(), node: z.string(), platform: z.string() }),
  seed: z.object({ conversations: z.number(), messages: z.number(), longConversations: z.number(), seedSeconds: z.number().nullable() }),
  server: z.string(),
  figures: z.array(figureSchema),
  notes: z.array(z.string()),
});
export type BenchResult = z.infer<typeof benchResultSchema>;

/** ours ÷ baseline; null when either is missing or the baseline is zero. */
export function ratio(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline === 0 || !Number.isFinite(value) || !Number.isFinite(baseline)) return null;
  return value / baseline;
}

/** Whether the figure meets its target; null when there is no target or no value. */
export function meetsTarget(figure: Figure): boolean | null {
  if (figure.target === null || figure.value === null) return null;
  return figure.better === 'lower' ? figure.value <= figure.target : figure.value >= figure.target;
}

export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-GB');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export const formatRatio = (value: number | null): string => (value === null ? '–' : `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`);

function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const targetCell = (figure: Figure): string => {
  if (figure.target === null) return '';
  const met = meetsTarget(figure);
  return `${figure.better === 'lower' ? '<' : '≥'} ${formatNumber(figure.target)} ${met === null ? '?' : met ? 'ok' : 'MISSED'}`;
};

/** The run as a table: figure, value, baseline, ratio to the baseline, target. */
export function formatTable(result: BenchResult): string {
  const rows = result.figures.map((figure) => [
    figure.label,
    `${formatNumber(figure.value)} ${figure.unit}`,
    figure.baseline ? `${formatNumber(figure.baseline.value)} (${figure.baseline.label})` : '',
    figure.baseline ? formatRatio(ratio(figure.value, figure.baseline.value)) : '',
    targetCell(figure),
  ]);
  return renderTable(['figure', 'ours', 'same-run baseline', 'ratio', 'target'], rows);
}

/** Two runs side by side, matched by figure key; the change compares the ratios to each run's
 * own baseline (machine drift cancels out), and the raw values. */
export function formatComparison(before: BenchResult, after: BenchResult): string {
  const earlier = new Map(before.figures.map((figure) => [figure.key, figure]));
  const rows = after.figures.map((figure) => {
    const old = earlier.get(figure.key);
    const oldRatio = old ? ratio(old.value, old.baseline?.value ?? null) : null;
    const newRatio = ratio(figure.value, figure.baseline?.value ?? null);
    const change = ratio(figure.value, old?.value ?? null);
    return [
      figure.label,
      `${formatNumber(old?.value ?? null)} → ${formatNumber(figure.value)} ${figure.unit}`,
      change === null ? '–' : `${change >= 1 ? '+' : ''}${((change - 1) * 100).toFixed(0)}%`,
      `${formatRatio(oldRatio)} → ${formatRatio(newRatio)}`,
    ];
  });
  return [
    `before: ${before.startedAt} (${before.mode})   after: ${after.startedAt} (${after.mode})`,
    renderTable(['figure', 'value', 'change', 'ratio to baseline'], rows),
  ].join('\n');
}

export function parseResult(json: string): BenchResult {
  return benchResultSchema.parse(JSON.parse(json));
}
