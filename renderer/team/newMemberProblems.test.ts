import { describe, expect, it } from 'vitest';
import { newMemberProblems } from './newMemberProblems';

describe('the Add team member form', () => {
  it('finds every problem in one go, each for its field', () => {
    expect(newMemberProblems({ name: ' ', email: 'nia@', password: 'short', draft: { groupId: null, locationIds: [] } })).toEqual({
      name: 'Give their name.',
      email: 'Enter a valid email address.',
      password: 'Use at least 10 characters.',
      groupId: 'Choose a permission group.',
      locationIds: 'Choose at least one location the team member works at.',
    });
  });

  it('finds none in a complete form', () => {
    expect(newMemberProblems({ name: 'Nia', email: 'nia@lumen.example', password: 'a-long-password', draft: { groupId: 3, locationIds: [1] } })).toEqual({});
  });
});
