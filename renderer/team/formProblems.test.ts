import { describe, expect, it } from 'vitest';
import { groupDraftProblems } from './groupEditor';
import { NO_GRANTS } from './grants';
import { membershipProblems } from './members';

describe('the team editors show every problem at once', () => {
  it('finds a missing group and no location together', () => {
    expect(membershipProblems({ groupId: null, locationIds: [] })).toEqual({
      groupId: 'Choose a permission group.',
      locationIds: 'Choose at least one location the team member works at.',
    });
    expect(membershipProblems({ groupId: 2, locationIds: [] })).toEqual({ locationIds: 'Choose at least one location the team member works at.' });
    expect(membershipProblems({ groupId: 2, locationIds: [1] })).toEqual({});
  });

  it('puts the group name’s problem beside the server’s problems with the last save', () => {
    const fromServer = { grants: 'Reply to client chats needs Access client chats too.' };
    expect(groupDraftProblems({ name: ' ', grants: NO_GRANTS }, [], fromServer)).toEqual({
      name: 'Give the group a name.',
      grants: 'Reply to client chats needs Access client chats too.',
    });
    expect(groupDraftProblems({ name: 'Trainees', grants: NO_GRANTS }, ['trainees'], {})).toEqual({ name: 'There is already a group called Trainees.' });
    expect(groupDraftProblems({ name: 'Trainees', grants: NO_GRANTS }, [], { name: 'Another permission group already has that name.' })).toEqual({
      name: 'Another permission group already has that name.',
    });
    expect(groupDraftProblems({ name: 'Trainees', grants: NO_GRANTS }, [], {})).toEqual({});
  });
});
