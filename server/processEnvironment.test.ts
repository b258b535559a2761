import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, serverProcessEnv } from './processEnvironment';

describe('serverProcessEnv', () => {
  it('limits glibc malloc arenas and keeps the rest of the environment', () => {
    expect(serverProcessEnv({ PATH: '/usr/bin', INBOX_WORKSPACE_COUNTRY: 'GB' })).toEqual({
      PATH: '/usr/bin',
      INBOX_WORKSPACE_COUNTRY: 'GB',
      MALLOC_ARENA_MAX: '2',
    });
  });

  it('leaves a value someone already set alone', () => {
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
    expect(serverProcessEnv({ INBOX_SQLITE_CACHE_MB: '32' }, { embedded: true }).INBOX_SQLITE_CACHE_MB).toBe('32');
  });

  it('gives the embedded server smaller SQLite caches than a back-office server', () => {
    expect(serverProcessEnv({}, { embedded: true }).INBOX_SQLITE_CACHE_MB).toBe('8');
    expect(serverProcessEnv({}).INBOX_SQLITE_CACHE_MB).toBeUndefined();
  });
});

describe('SERVER_NODE_FLAGS', () => {
  it('are the flags `npm run server` starts Node with', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.server).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} out/main/server.js`);
  });
});
