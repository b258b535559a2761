// The hash gate on its own: how many run at once, who goes next, and when it says busy.
import { describe, expect, it } from 'vitest';
import { createHashGate, scryptHasher, type HashSlot } from './hashGate';

const gate = (limits: { concurrency: number; queue: number; queuePerKey: number }) => createHashGate({ hasher: scryptHasher, ...limits });

/** Runs a slot whose work waits until the test lets it finish. */
function held(slot: HashSlot, onStart: () => void) {
  let finish = () => {};
  const done = slot.run(() => {
    onStart();
    return new Promise<void>((resolve) => (finish = resolve));
  });
  return { done, finish: () => finish() };
}

describe('the hash gate', () => {
  it('runs at most `concurrency` at once and serves waiting addresses in turn', async () => {
    const hashes = gate({ concurrency: 2, queue: 10, queuePerKey: 10 });
    const started: string[] = [];
    const jobs = ['flood', 'flood', 'flood', 'flood', 'member'].map((key, i) => held(hashes.reserve(key)!, () => started.push(`${key}-${i}`)));
    await hashes.until((stats) => stats.running === 2);
    expect(hashes.stats()).toMatchObject({ running: 2, waiting: 3 });
    expect(started).toEqual(['flood-0', 'flood-1']);
    jobs[0]!.finish();
    await hashes.until((stats) => stats.finished === 1 && stats.started === 3);
    jobs[1]!.finish();
    await hashes.until((stats) => stats.finished === 2 && stats.started === 4);
    // The member's hash came after the flood's queue, but went next but one, not last.
    expect(started).toEqual(['flood-0', 'flood-1', 'flood-2', 'member-4']);
    expect(hashes.stats().running).toBe(2);
    for (const job of jobs) job.finish();
    await hashes.until((stats) => stats.started === 5);
    jobs[3]!.finish();
    await Promise.all(jobs.map((job) => job.done));
    expect(hashes.stats()).toMatchObject({ running: 0, waiting: 0, started: 5, finished: 5 });
  });

  it('refuses past its total and per-address caps, and a released slot makes room', () => {
    const hashes = gate({ concurrency: 1, queue: 3, queuePerKey: 2 });
    const a1 = hashes.reserve('a');
    expect(hashes.reserve('a')).not.toBeNull();
    expect(hashes.reserve('a')).toBeNull();
    expect(hashes.reserve('b')).not.toBeNull();
    expect(hashes.reserve('c')).toBeNull();
    a1!.release();
    expect(hashes.reserve('c')).not.toBeNull();
    expect(hashes.stats()).toMatchObject({ waiting: 3, busyRefusals: 2 });
  });

  it('hashes a new secret through the gate with real scrypt, or says busy', async () => {
    const hashes = gate({ concurrency: 1, queue: 1, queuePerKey: 1 });
    const hashing = hashes.hash('a', 'new secret');
    await expect(hashes.hash('b', 'another')).rejects.toMatchObject({ status: 429, headers: { 'Retry-After': '2' } });
    expect(await scryptHasher.verify('new secret', await hashing)).toBe(true);
  });
});
