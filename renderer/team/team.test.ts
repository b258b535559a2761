import { describe, expect, it } from 'vitest';
import type { PermissionGroup, TeamMember } from '../../shared/teamEvents';
import { canTickGrant, describeGrants, NO_GRANTS, withGrant } from './grants';
import {
  groupDraftChanged,
  groupDraftProblem,
  groupEditorReducer,
  startGroupEditor,
  withOwnGroupEdits,
  type GroupEditorAction,
} from './groupEditor';
import { memberDraftChanged, memberDraftProblem, memberGroupLabel, memberLocationsLabel, withLocation } from './members';

const group = (id: number, name: string, grants = NO_GRANTS, version = 1): PermissionGroup => ({
  id,
  name,
  grants,
  memberCount: 2,
  version,
});
const locations = [
  { id: 1, name: 'Soho' },
  { id: 2, name: 'Shoreditch' },
];
const member = (extra: Partial<TeamMember> = {}): TeamMember => ({
  id: 7,
  name: 'Sofia Marin',
  email: 'sofia@lumen.example',
  role: 'member',
  groupId: 3,
  locationIds: [1],
  ...extra,
});

describe('grant rules (R7)', () => {
  it('lets Reply be ticked only with Access, and takes Reply away with Access', () => {
    expect(canTickGrant(NO_GRANTS, 'replyChats')).toBe(false);
    expect(withGrant(NO_GRANTS, 'replyChats', true)).toEqual(NO_GRANTS);
    const both = withGrant(withGrant(NO_GRANTS, 'accessChats', true), 'replyChats', true);
    expect(both).toMatchObject({ accessChats: true, replyChats: true });
    expect(withGrant(both, 'accessChats', false)).toMatchObject({ accessChats: false, replyChats: false });
    expect(withGrant(both, 'replyChats', false)).toMatchObject({ accessChats: true, replyChats: false });
  });

  it('describes grants in the words of the permission page', () => {
    expect(describeGrants(NO_GRANTS)).toBe('No permissions');
    expect(describeGrants({ ...NO_GRANTS, accessChats: true, manageTeam: true })).toBe('Access client chats, Manage team');
  });
});

describe('group editor', () => {
  it('starts empty for a new group and from the group when editing', () => {
    expect(startGroupEditor(null)).toMatchObject({ groupId: null, baseVersion: null, draft: { name: '', grants: NO_GRANTS } });
    expect(startGroupEditor(group(3, 'Stylists', NO_GRANTS, 4))).toMatchObject({ groupId: 3, baseVersion: 4 });
  });

  it('applies the grant rule to the draft', () => {
    const actions: GroupEditorAction[] = [
      { type: 'set-grant', key: 'replyChats', value: true },
      { type: 'set-grant', key: 'accessChats', value: true },
    ];
    const state = actions.reduce(groupEditorReducer, startGroupEditor(null));
    expect(state.draft.grants).toMatchObject({ accessChats: true, replyChats: false });
  });

  it('shows their version on conflict with only my edits on top, then takes theirs or keeps mine', () => {
    const theirs = group(3, 'Stylists', { ...NO_GRANTS, accessChats: true, replyChats: true }, 5);
    const actions: GroupEditorAction[] = [
      { type: 'rename', name: 'Stylists (read only)' },
      { type: 'set-grant', key: 'manageTeam', value: true },
      { type: 'save-started' },
      { type: 'conflict', theirs },
    ];
    const refused = actions.reduce(groupEditorReducer, startGroupEditor(group(3, 'Stylists', NO_GRANTS, 4)));
    const mine = { name: 'Stylists (read only)', grants: { ...theirs.grants, manageTeam: true } };
    expect(refused).toMatchObject({ saving: false, conflict: { theirs, mine } });
    expect(groupEditorReducer(refused, { type: 'use-theirs' })).toMatchObject({
      draft: { name: 'Stylists', grants: theirs.grants },
      baseVersion: 5,
      conflict: null,
    });
    expect(groupEditorReducer(refused, { type: 'keep-mine' })).toMatchObject({ draft: mine, baseVersion: 5, conflict: null });
  });

  it('drops Reply when mixing my edits with theirs would leave it without Access', () => {
    const base = { name: 'Desk', grants: { ...NO_GRANTS, accessChats: true } };
    const draft = { name: 'Desk', grants: { ...NO_GRANTS, accessChats: true, replyChats: true } };
    const theirs = group(4, 'Desk', NO_GRANTS, 2);
    expect(withOwnGroupEdits(theirs, { draft, base }).grants).toEqual(NO_GRANTS);
  });

  it('needs a name that no other group has', () => {
    expect(groupDraftProblem({ name: '  ', grants: NO_GRANTS }, [])).toBe('Give the group a name.');
    expect(groupDraftProblem({ name: 'stylists ', grants: NO_GRANTS }, ['Stylists'])).toBe('There is already a group called stylists.');
    expect(groupDraftProblem({ name: 'Trainees', grants: NO_GRANTS }, ['Stylists'])).toBeNull();
    expect(groupDraftChanged({ name: 'Stylists ', grants: NO_GRANTS }, group(3, 'Stylists'))).toBe(false);
    expect(groupDraftChanged({ name: 'Stylists', grants: { ...NO_GRANTS, manageTeam: true } }, group(3, 'Stylists'))).toBe(true);
  });
});

describe('team members', () => {
  it('labels owners, groups and locations', () => {
    const groups = [group(3, 'Stylists')];
    expect(memberGroupLabel(member(), groups)).toBe('Stylists');
    expect(memberGroupLabel(member({ role: 'owner', groupId: null }), groups)).toBe('Owner — all permissions');
    expect(memberGroupLabel(member({ groupId: 99 }), groups)).toBe('No permission group');
    expect(memberLocationsLabel([2, 1], locations)).toBe('Soho, Shoreditch');
    expect(memberLocationsLabel([], locations)).toBe('No locations');
  });

  it('edits locations in the workspace order and knows when something changed', () => {
    const draft = withLocation({ groupId: 3, locationIds: [1] }, 2, true, locations);
    expect(draft.locationIds).toEqual([1, 2]);
    expect(memberDraftChanged(draft, member())).toBe(true);
    expect(memberDraftChanged(withLocation(draft, 2, false, locations), member())).toBe(false);
    expect(memberDraftProblem({ groupId: null, locationIds: [1] })).toBe('Choose a permission group.');
    expect(memberDraftProblem({ groupId: 3, locationIds: [] })).toBe('Choose at least one location the team member works at.');
    expect(memberDraftProblem({ groupId: 3, locationIds: [2] })).toBeNull();
  });
});
