// How closed-loop slices add up, and that ours and the baseline take turns.
import { describe, expect, it } from 'vitest';
import { alternatingClosedLoops, combineSlices, type LoopSlice } from './load';

const slice = (latencies: number[], elapsedMs: number, errors = 0, firstError: string | null = null, cpu: { server: number | null; driver: number | null } = { server: null, driver: null }): LoopSlice => ({
  latencies,
  elapsedMs,
  errors,
  firstError,
  serverCpuMs: cpu.server,
  driverCpuMs: cpu.driver,
});

describe('combineSlices', () => {
  it('counts acks over all measured time and takes percentiles over all samples', () => {
    const combined = combineSlices([slice([1, 2, 3], 500), slice([4, 5, 6, 7, 8, 9, 10], 1500, 1, 'timeout: slow')]);
    expect(combined.perSecond).toBe(5);
    expect(combined.latency).toMatchObject({ count: 10, p50: 5, p99: 10, max: 10 });
    expect(combined).toMatchObject({ errors: 1, firstError: 'timeout: slow' });
  });

  it('divides the CPU used over all slices by the acks, unknown if any slice could not read it', () => {
    const known = combineSlices([slice([1, 2], 500, 0, null, { server: 1, driver: 0.5 }), slice([3, 4], 500, 0, null, { server: 3, driver: 0.5 })]);
    expect(known).toMatchObject({ serverCpuUsPerAck: 1000, driverCpuUsPerAck: 250 });
    const partly = combineSlices([slice([1], 500, 0, null, { server: 1, driver: 1 }), slice([2], 500, 0, null, { server: null, driver: 1 })]);
    expect(partly).toMatchObject({ serverCpuUsPerAck: null, driverCpuUsPerAck: 1000 });
    expect(combineSlices([slice([], 500, 1, 'x', { server: 1, driver: 1 })]).serverCpuUsPerAck).toBeNull();
  });
});

describe('alternatingClosedLoops', () => {
  it('measures the two loops in turns, each slice as long as asked', async () => {
    const calls: string[] = [];
    const loop = (name: string, latency: number) => async (durationMs: number) => {
      calls.push(`${name}:${durationMs}`);
      return slice([latency], durationMs);
    };
    const [a, b] = await alternatingClosedLoops(3, 400, loop('ours', 2), loop('raw', 1));
    expect(calls).toEqual(['ours:400', 'raw:400', 'ours:400', 'raw:400', 'ours:400', 'raw:400']);
    expect(a.perSecond).toBe(2.5);
    expect(a.latency.p50).toBe(2);
    expect(b.latency.p50).toBe(1);
  });
});
