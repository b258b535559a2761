import { describe, expect, it } from 'vitest';
import { isAuthRefusal, nextConnectionStatus, type ConnectionEvent } from './connectionStatus';

const replay = (events: ConnectionEvent[]) => events.reduce(nextConnectionStatus, 'connecting' as const);

describe('nextConnectionStatus', () => {
  it('connects, drops to reconnecting and recovers', () => {
    expect(replay(['socket-connected'])).toBe('connected');
    expect(replay(['socket-connected', 'socket-disconnected'])).toBe('reconnecting');
    expect(replay(['socket-connected', 'socket-disconnected', 'socket-connected'])).toBe('connected');
    expect(replay(['socket-connect-failed'])).toBe('reconnecting');
  });

  it('stays offline while the browser has no network', () => {
    expect(replay(['socket-connected', 'browser-offline', 'socket-disconnected'])).toBe('offline');
    expect(replay(['browser-offline', 'socket-connect-failed'])).toBe('offline');
    expect(replay(['browser-offline', 'browser-online'])).toBe('reconnecting');
    expect(replay(['socket-connected', 'browser-online'])).toBe('connected');
  });
});

describe('isAuthRefusal', () => {
  it('recognises the server refusing the token', () => {
    expect(isAuthRefusal(new Error('unauthenticated'))).toBe(true);
    expect(isAuthRefusal(Object.assign(new Error('nope'), { data: { code: 'unauthenticated' } }))).toBe(true);
    expect(isAuthRefusal(new Error('xhr poll error'))).toBe(false);
  });
});
