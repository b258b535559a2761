import { describe, expect, it } from 'vitest';
import { passwordChangeProblems } from './passwordProblems';

describe('the Change password form', () => {
  it('finds every problem in one go, each for its field', () => {
    expect(passwordChangeProblems({ currentPassword: '', newPassword: 'short', confirmPassword: 'other' })).toEqual({
      currentPassword: 'Enter your current password.',
      newPassword: 'Use at least 10 characters.',
      confirmPassword: "The two new passwords don't match. Type the same password twice.",
    });
  });

  it('finds none when all is right', () => {
    expect(passwordChangeProblems({ currentPassword: 'old-one', newPassword: 'a-new-password', confirmPassword: 'a-new-password' })).toEqual({});
  });
});
