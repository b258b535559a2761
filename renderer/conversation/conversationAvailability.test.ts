import { describe, expect, it } from 'vitest';
import { conversationAvailability } from './conversationAvailability';

describe('whether the open conversation can be read and answered', () => {
  it('is ready once its messages are loaded, from the server or this computer’s copy, online or not', () => {
    for (const status of ['connected', 'connecting', 'reconnecting', 'offline'] as const) {
      expect(conversationAvailability(true, status)).toBe('ready');
    }
  });

  it('is loading while connected and nothing has arrived yet', () => {
    expect(conversationAvailability(false, 'connected')).toBe('loading');
    expect(conversationAvailability(false, 'connecting')).toBe('loading');
  });

  it('is unavailable while offline with nothing saved on this computer', () => {
    expect(conversationAvailability(false, 'reconnecting')).toBe('unavailable-offline');
    expect(conversationAvailability(false, 'offline')).toBe('unavailable-offline');
  });
});
