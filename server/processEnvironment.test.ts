import { describe, expect, it } from 'vitest';
import { serverProcessEnv } from './processEnvironment';

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
  });
});
