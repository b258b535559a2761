// The bench's pure parts: percentiles, ratios, the table and the saved JSON's shape.
import { describe, expect, it } from 'vitest';
import { BENCH_RESULT_VERSION, formatComparison, formatNumber, formatRatio, formatTable, meetsTarget, parseResult, ratio, type BenchResult, type Figure } from './report';
import { percentile, summarize } from './stats';

describe('percentiles', () => {
  it('uses the nearest rank: an observed value', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ count: 5, p50: 3, p99: 5, mean: 3, max: 5 });
  });
});

const figure = (overrides: Partial<Figure>): Figure => ({
  key: 'send.c100.rate', label: 'durable send, 100 conn', unit: 'msg/s', value: 12_000, better: 'higher',
  baseline: { label: 'raw socket.io ack', value: 30_000 }, target: 10_000, ...overrides,
});

const result = (figures: Figure[], startedAt = '2026-11-24T22:00:00.000Z'): BenchResult => ({
  version: BENCH_RESULT_VERSION, startedAt, mode: 'quick',
  machine: { cpus: 2, cpuModel: 'test', totalMemoryMb: 4096, node: 'v22', platform: 'linux' },
  seed: { conversations: 10, messages: 100, longConversations: 1, seedSeconds: null },
  server: 'built', figures, notes: [],
});

describe('ratios and targets', () => {
  it('divides ours by the baseline and refuses to divide by nothing', () => {
    expect(ratio(12_000, 30_000)).toBeCloseTo(0.4);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
    expect(ratio(Number.NaN, 3)).toBeNull();
  });

  it('checks a target in the direction that is better', () => {
    expect(meetsTarget(figure({}))).toBe(true);
    expect(meetsTarget(figure({ value: 9_000 }))).toBe(false);
    expect(meetsTarget(figure({ better: 'lower', value: 30, target: 25 }))).toBe(false);
    expect(meetsTarget(figure({ better: 'lower', value: 3, target: 25 }))).toBe(true);
    expect(meetsTarget(figure({ target: null }))).toBeNull();
  });

  it('formats numbers and ratios for the table', () => {
    expect(formatNumber(12_345.6)).toBe('12,346');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(0.01234)).toBe('0.012');
    expect(formatNumber(null)).toBe('–');
    expect(formatRatio(0.4)).toBe('0.40×');
    expect(formatRatio(42.3)).toBe('42×');
    expect(formatRatio(null)).toBe('–');
  });
});

describe('table and comparison', () => {
  it('prints each figure beside its baseline, the ratio and the target', () => {
    const table = formatTable(result([figure({}), figure({ key: 'send.c100.p99', label: 'ack p99', unit: 'ms', value: 30, better: 'lower', baseline: { label: 'raw socket.io ack', value: 3 }, target: 25 })]));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^figure\s+ours\s+same-run baseline\s+ratio\s+target$/);
    expect(lines[2]).toMatch(/durable send, 100 conn\s+12,000 msg\/s\s+30,000 \(raw socket\.io ack\)\s+0\.40×\s+≥ 10,000 ok/);
    expect(lines[3]).toMatch(/ack p99\s+30\.0 ms\s+3\.00 \(raw socket\.io ack\)\s+10×\s+< 25\.0 MISSED/);
  });

  it('compares two runs by figure key, values and ratios', () => {
    const before = result([figure({ value: 10_000 })], '2026-11-24T20:00:00.000Z');
    const after = result([figure({ value: 12_000, baseline: { label: 'raw socket.io ack', value: 24_000 } })]);
    const text = formatComparison(before, after);
    expect(text).toContain('before: 2026-11-24T20:00:00.000Z');
    expect(text).toMatch(/durable send, 100 conn\s+10,000 → 12,000 msg\/s\s+\+20%\s+0\.33× → 0\.50×/);
  });

  it('reads back exactly what a run saves, and refuses anything else', () => {
    const saved = result([figure({})]);
    expect(parseResult(JSON.stringify(saved))).toEqual(saved);
    expect(() => parseResult(JSON.stringify({ ...saved, version: 99 }))).toThrow();
    expect(() => parseResult('{"figures": 3}')).toThrow();
  });
});
