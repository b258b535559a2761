// Seeded randomness for one test, with its seed printed when the test fails.
import { onTestFailed } from 'vitest';
import { seededRandom } from './seededRandom';

export const TEST_SEED_ENV = 'INBOX_TEST_SEED';

/**
 * Randomness for the test that calls it (inside `it`): seeded from INBOX_TEST_SEED when set,
 * otherwise from a fresh seed; either way the seed is printed if the test fails.
 */
export function testRandom(): () => number {
  const fromEnv = Number(process.env[TEST_SEED_ENV]);
  const seed = Number.isInteger(fromEnv) && process.env[TEST_SEED_ENV] ? fromEnv : Math.floor(Math.random() * 2 ** 31);
  onTestFailed(() => console.error(`Random seed of this test: ${seed} (replay with ${TEST_SEED_ENV}=${seed})`));
  return seededRandom(seed);
}
