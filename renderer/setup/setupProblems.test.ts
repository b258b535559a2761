import { describe, expect, it } from 'vitest';
import { checkSetup } from './setupProblems';

const complete = {
  workspaceName: 'Bright Cuts',
  country: 'GB',
  locationName: '',
  ownerName: 'Dana Reyes',
  email: 'dana@brightcuts.example',
  password: 'dana-owner-password',
  confirmPassword: 'dana-owner-password',
};

describe('the first-run form', () => {
  it('finds every problem in one go, each for its field', () => {
    const checked = checkSetup({ ...complete, workspaceName: '', country: '', ownerName: '', email: 'dana@', password: 'short', confirmPassword: 'other' });
    expect(checked).toEqual({
      ok: false,
      problems: {
        workspaceName: "Give your business's name.",
        country: 'Choose the country your business is in.',
        // Named after the business by default, so it is missing too while the business has no name.
        locationName: 'Name your first location.',
        ownerName: 'Give your name.',
        email: 'Enter a valid email address.',
        password: 'Use at least 10 characters.',
        confirmPassword: "The two passwords don't match. Type the same password twice.",
      },
    });
  });

  it('sends a complete form, the first location named after the business', () => {
    expect(checkSetup(complete)).toMatchObject({ ok: true, request: { locationName: 'Bright Cuts', email: 'dana@brightcuts.example' } });
  });
});
