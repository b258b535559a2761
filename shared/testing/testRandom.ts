// Seeded randomness for one test, with its seed printed when the test fails; INBOX_TEST_SEED
// replays it. In shared/, so tests of every process use the same one.
import { onTestFailed } from 'vitest';
import { seededRandom } from './seededRandom';

// shared/ is typed without Node or the DOM; tests run under Node, which has both of these.
const host = globalThis as unknown as { process: { env: Record<string, string | undefined> }; console: { error(message: string): void } };

/** Call inside `it`. */
export function testRandom(): () => number {
  const fromEnv = host.process.env.INBOX_TEST_SEED;
  const seed = fromEnv && Number.isInteger(Number(fromEnv)) ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  onTestFailed(() => host.console.error(`Random seed of this test: ${seed} (replay with INBOX_TEST_SEED=${seed})`));
  return seededRandom(seed);
}
