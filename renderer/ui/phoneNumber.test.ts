import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from './phoneNumber';

describe('formatPhoneNumber', () => {
  it('shows a number of the workspace’s country in its national form', () => {
    expect(formatPhoneNumber('+447400900101', 'GB')).toBe('07400 900101');
    expect(formatPhoneNumber('+447400900101', 'gb')).toBe('07400 900101');
  });

  it('shows a number of another country, or with no country known, in international form', () => {
    expect(formatPhoneNumber('+447400900101', 'US')).toBe('+44 7400 900101');
    expect(formatPhoneNumber('+447400900101')).toBe('+44 7400 900101');
    expect(formatPhoneNumber('+12125550100', 'GB')).toBe('+1 212 555 0100');
    expect(formatPhoneNumber('+61412345678', 'GB')).toBe('+61 412 345 678');
  });

  it('leaves what it cannot read as stored', () => {
    expect(formatPhoneNumber('not a number', 'GB')).toBe('not a number');
    expect(formatPhoneNumber('', 'GB')).toBe('');
  });
});
