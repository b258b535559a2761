import { describe, expect, it } from 'vitest';
import { fieldProblemsOf, problemsSummary } from './errors';

describe('every field problem at once', () => {
  it('keys each of the server’s problems by its field, whatever the path’s prefix', () => {
    const details = [
      { path: 'name', message: 'Give their name.' },
      { path: 'email', message: 'Enter a valid email address.' },
      { path: 'password', message: 'Use at least 10 characters.' },
      { path: 'locationIds', message: 'Choose at least one location.' },
      { path: 'profile.mobile', message: 'Enter a valid mobile number.' },
      { path: 'unknownField', message: 'Ignored.' },
    ];
    expect(fieldProblemsOf(details, ['name', 'email', 'password', 'locationIds', 'mobile'] as const)).toEqual({
      name: 'Give their name.',
      email: 'Enter a valid email address.',
      password: 'Use at least 10 characters.',
      locationIds: 'Choose at least one location.',
      mobile: 'Enter a valid mobile number.',
    });
  });

  it('reads several problems of one field together, and ignores details that are not field problems', () => {
    const details = [
      { path: 'password', message: 'Use at least 10 characters.' },
      { path: 'password', message: 'Use a letter.' },
      'nonsense',
      { reason: 'not a field' },
    ];
    expect(fieldProblemsOf(details, ['password'] as const)).toEqual({ password: 'Use at least 10 characters. Use a letter.' });
    expect(fieldProblemsOf({ reason: 'x' }, ['password'] as const)).toEqual({});
  });

  it('announces one problem as itself and several as a count', () => {
    expect(problemsSummary({})).toBeNull();
    expect(problemsSummary({ email: 'Enter a valid email address.', name: undefined })).toBe('Enter a valid email address.');
    expect(problemsSummary({ email: 'a', name: 'b', password: 'c' })).toBe('3 fields need fixing. Each says what is wrong beside it.');
  });
});
