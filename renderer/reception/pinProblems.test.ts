import { describe, expect, it } from 'vitest';
import { pinProblems, pinRemovalProblems } from './pinProblems';

describe('the PIN form shows every problem at once', () => {
  it('finds a weak PIN, a second PIN that differs and a missing password in one go', () => {
    expect(pinProblems({ pin: '1234', confirmPin: '1235', password: '' })).toEqual({
      pin: 'That PIN is too easy to guess (a repeat or a run like 1234). Choose another.',
      confirmPin: "The two PINs don't match. Type the same PIN twice.",
      password: 'Enter your password to confirm it is you.',
    });
    expect(pinProblems({ pin: '95', confirmPin: '95', password: 'secret' })).toEqual({ pin: 'A PIN is 4 to 8 digits.' });
  });

  it('finds nothing wrong with a good PIN typed twice and a password', () => {
    expect(pinProblems({ pin: '2580', confirmPin: '2580', password: 'lumen-demo' })).toEqual({});
  });

  it('asks only for the password to remove the PIN', () => {
    expect(pinRemovalProblems('')).toEqual({ password: 'Enter your password to remove your PIN.' });
    expect(pinRemovalProblems('lumen-demo')).toEqual({});
  });
});
