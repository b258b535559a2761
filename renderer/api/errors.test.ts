import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('describeError', () => {
  it('prefers the first validation message', () => {
    const error = { code: 'bad_request', message: 'The request is not valid.', details: [{ path: 'text', message: 'A message cannot be empty.' }] } as const;
    expect(describeError(error)).toBe('A message cannot be empty.');
  });

  it('explains disabled messaging and missing permissions in plain words', () => {
    expect(describeError({ code: 'messaging_disabled', message: 'disabled' })).toMatch(/turned off/);
    expect(describeError({ code: 'forbidden', message: 'forbidden' })).toMatch(/permission/);
  });
});
