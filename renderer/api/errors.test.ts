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

  it("says exactly why a Team page rule refused a manager's change", () => {
    const message = 'You can only choose locations you work at. You do not work at Lumen Shoreditch.';
    expect(describeError({ code: 'forbidden', message, details: { reason: 'locations_beyond' } })).toBe(message);
  });
});
