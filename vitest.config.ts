// Unit and integration tests beside the code. Server tests start real servers on
// 127.0.0.1:0 with temp SQLite files; forks keep each file's native handles in its own process.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,electron,renderer}/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    server: { deps: { inline: ['electron-store', 'conf'] } },
  },
});
