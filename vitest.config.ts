// Unit and integration tests beside the code. Server tests start real servers on
// 127.0.0.1:0 with temp SQLite files; forks keep each file's native handles in its own process.
//
// Two projects: `unit` is the fast inner loop (`npm run test:unit`); `slow` holds the files whose
// time goes into one big run rather than many small tests (`npm run test:slow`). `vitest run`
// (and so `npm test` and CI) runs both.
import { configDefaults, defineConfig } from 'vitest/config';

const ALL_TESTS = ['{shared,server,electron,renderer}/**/*.test.{ts,tsx}'];

/** Each took over a minute on a loaded 2-core machine, and the time is in the run itself, not in
 * starting servers for many small tests. A new file of that kind belongs here. */
export const SLOW_TESTS = [
  // Thousands of sends through kills, restarts and dropped connections of a real server process.
  'server/sync/faultInjection.test.ts',
  // Every push's catch-up scenario, each against a fresh server.
  'server/sync/catchUpCoverage.test.ts',
  // Every staff request and attachment route run by six kinds of member.
  'server/realtime/permissionMatrix.test.ts',
  // The whole bench harness in its tiniest mode: two server processes driven over real sockets.
  'server/bench/bench.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    server: { deps: { inline: ['electron-store', 'conf'] } },
    projects: [
      { extends: true, test: { name: 'unit', include: ALL_TESTS, exclude: [...configDefaults.exclude, ...SLOW_TESTS] } },
      { extends: true, test: { name: 'slow', include: SLOW_TESTS } },
    ],
  },
});
