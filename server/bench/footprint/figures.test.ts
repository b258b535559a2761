// The desktop footprint's rows: every figure of a workspace run, keyed by workspace, each target
// beside the figure it holds, and the table they print as.
import { describe, expect, it } from 'vitest';
import { BENCH_RESULT_VERSION, formatTable, meetsTarget, parseResult, type BenchResult } from '../report';
import { describeDay, footprintFigures, FOOTPRINT_TARGETS, minus, type WorkspaceRun } from './figures';

const run = (overrides: Partial<WorkspaceRun> = {}): WorkspaceRun => ({
  key: '1m',
  label: '1M messages',
  firstRowsMs: 240,
  firstRowsParts: { toSocketMs: 40, toFirstPageMs: 150 },
  stages: {
    load: { heapMb: 4.5, domNodes: 500, browserPssMb: 400 },
    opened: { heapMb: 6, domNodes: 2000, browserPssMb: 420 },
    day: { heapMb: 12, domNodes: 3000, browserPssMb: 440 },
  },
  longTasks: { count: 40, totalMs: 4000 },
  server: { idle: { pssMb: 40, rssMb: 88 }, day: { pssMb: 70, rssMb: 160 } },
  day: { clientMessages: 3000, conversations: 290, replies: 80, opens: 80, notifications: 3000 },
  ...overrides,
});

const byKey = (figures: ReturnType<typeof footprintFigures>) => new Map(figures.map((figure) => [figure.key, figure]));

describe('footprintFigures', () => {
  it('gives every measured figure a row keyed by its workspace', () => {
    const keys = footprintFigures(run()).map((figure) => figure.key);
    expect(keys).toEqual([
      '1m.firstRows', '1m.firstRows.toSocket', '1m.firstRows.toFirstPage',
      '1m.heap.load', '1m.heap.opened', '1m.heap.day', '1m.heap.dayGrowth',
      '1m.dom.load', '1m.dom.opened', '1m.dom.day',
      '1m.longTasks.count', '1m.longTasks.total', '1m.browser.load', '1m.browser.day',
      '1m.server.idle.rss', '1m.server.idle.pss', '1m.server.day.rss', '1m.server.day.pss',
    ]);
    expect(new Set(footprintFigures(run({ key: 'demo', label: 'demo' })).map((figure) => figure.key.split('.')[0]))).toEqual(new Set(['demo']));
  });

  it('holds each figure to its target, and says which are missed', () => {
    const figures = byKey(footprintFigures(run()));
    expect(figures.get('1m.firstRows')).toMatchObject({ value: 240, target: FOOTPRINT_TARGETS.firstRowsMs, better: 'lower' });
    expect(meetsTarget(figures.get('1m.firstRows')!)).toBe(true);
    for (const stage of ['load', 'opened', 'day']) expect(figures.get(`1m.heap.${stage}`)!.target).toBe(FOOTPRINT_TARGETS.heapMb);
    // The day's growth counts from after the 50 opened conversations: 12 − 6 MB, over 5 MB.
    expect(figures.get('1m.heap.dayGrowth')).toMatchObject({ value: 6, target: FOOTPRINT_TARGETS.heapGrowthMb });
    expect(meetsTarget(figures.get('1m.heap.dayGrowth')!)).toBe(false);
    expect(figures.get('1m.server.idle.rss')).toMatchObject({ value: 88, target: FOOTPRINT_TARGETS.serverIdleMb });
    expect(meetsTarget(figures.get('1m.server.idle.rss')!)).toBe(true);
    expect(figures.get('1m.server.day.rss')).toMatchObject({ value: 160, target: FOOTPRINT_TARGETS.serverAfterDayMb });
    expect(meetsTarget(figures.get('1m.server.day.rss')!)).toBe(false);
    // Figures without a target of their own are printed for what they are.
    expect(figures.get('1m.browser.day')!.target).toBeNull();
    expect(figures.get('1m.server.idle.pss')!.target).toBeNull();
  });

  it('leaves a figure empty when it could not be measured, and the growth with it', () => {
    const figures = byKey(footprintFigures(run({ firstRowsMs: null, stages: { ...run().stages, day: { heapMb: null, domNodes: null, browserPssMb: null } } })));
    expect(figures.get('1m.firstRows')!.value).toBeNull();
    expect(meetsTarget(figures.get('1m.firstRows')!)).toBeNull();
    expect(figures.get('1m.heap.dayGrowth')!.value).toBeNull();
    expect(minus(3, null)).toBeNull();
    expect(minus(5, 2)).toBe(3);
  });

  it('prints as the bench table, target beside each figure, and saves as a bench result', () => {
    const result: BenchResult = {
      version: BENCH_RESULT_VERSION, startedAt: '2026-12-02T05:00:00.000Z', mode: 'full',
      machine: { cpus: 2, cpuModel: 'test', totalMemoryMb: 4096, node: 'v22', platform: 'linux' },
      seed: { conversations: 100_000, messages: 1_000_000, longConversations: 5, seedSeconds: null },
      server: 'built', figures: footprintFigures(run()), notes: [describeDay(run())],
    };
    const lines = formatTable(result).split('\n');
    expect(lines.find((line) => line.startsWith('1M messages: sign-in answer → first rows'))).toMatch(/240 ms\s+< 300 ok$/);
    expect(lines.find((line) => line.startsWith('1M messages: server RSS after the day'))).toMatch(/160 MB\s+< 150 MISSED$/);
    expect(parseResult(JSON.stringify(result))).toEqual(result);
    expect(result.notes[0]).toBe('1M messages: the day sent 3000 client messages across 290 conversations; the staff page opened 80 and replied 80 times; 3000 notifications shown.');
  });
});
