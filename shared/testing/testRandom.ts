// Seeded randomness for property tests of shared/ (which may not import server/testing): the
// seed is printed when the test fails, and INBOX_TEST_SEED replays it.
import { onTestFailed } from 'vitest';

/** Numbers in [0, 1) from a seed (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// shared/ is typed without Node or the DOM; tests run under Node, which has both of these.
const host = globalThis as unknown as { process: { env: Record<string, string | undefined> }; console: { error(message: string): void } };

/** Call inside `it`. */
export function testRandom(): () => number {
  const fromEnv = host.process.env.INBOX_TEST_SEED;
  const seed = fromEnv && Number.isInteger(Number(fromEnv)) ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  onTestFailed(() => host.console.error(`Random seed of this test: ${seed} (replay with INBOX_TEST_SEED=${seed})`));
  return seeded(seed);
}
