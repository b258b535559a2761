import { describe, expect, it } from 'vitest';
import { pinStatusText } from './pinStatusText';

describe('the PIN card status line', () => {
  it('says why a PIN was cleared, until a new one is set', () => {
    const at = Date.UTC(2026, 2, 2, 9);
    expect(pinStatusText({ hasPin: false, locked: false, cleared: { reason: 'password-reset', at } })).toBe(
      'Your PIN was cleared because a manager set a new password for you. Set a new one to use quick switching again.',
    );
    expect(pinStatusText({ hasPin: false, locked: false, cleared: { reason: 'signed-out-everywhere', at } })).toMatch(/because a manager signed you out of all devices\./);
    expect(pinStatusText({ hasPin: false, locked: false, cleared: { reason: 'password-changed', at } })).toMatch(/because your password was changed\./);
    expect(pinStatusText({ hasPin: false, locked: false, cleared: { reason: 'deactivated', at } })).toMatch(/because a manager deactivated your account\./);
    expect(pinStatusText({ hasPin: false, locked: false })).toBe("You haven't set a PIN yet.");
    expect(pinStatusText({ hasPin: true, locked: false })).toBe('You have a PIN.');
    expect(pinStatusText({ hasPin: true, locked: true })).toMatch(/^Your PIN is locked/);
    expect(pinStatusText(null)).toBe('');
  });
});
