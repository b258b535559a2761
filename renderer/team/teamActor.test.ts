// The Team page offers a manager only what the server's team rules would allow.
import { describe, expect, it } from 'vitest';
import type { Team } from '../../shared/teamEvents';
import type { GroupGrants } from '../../shared/permissions';
import type { TeamActor } from '../../shared/teamRules';
import { groupBeyond, groupEditLocks, locationBeyond, memberLockReason, membershipLockReason } from './teamActor';

const TEAM_ONLY: GroupGrants = { accessChats: false, replyChats: false, manageSettings: false, manageTeam: true };
const READ: GroupGrants = { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false };
const team: Team = {
  locations: [{ id: 1, name: 'Soho' }, { id: 2, name: 'Shoreditch' }],
  groups: [
    { id: 10, name: 'Team admins', grants: TEAM_ONLY, memberCount: 1, version: 1 },
    { id: 11, name: 'Stylists', grants: READ, memberCount: 1, version: 1 },
    { id: 12, name: 'Rota', grants: TEAM_ONLY, memberCount: 1, version: 1 },
  ],
  members: [
    { id: 1, name: 'Hana', email: 'h@x', role: 'member', groupId: 10, locationIds: [1] },
    { id: 2, name: 'Sofia', email: 's@x', role: 'member', groupId: 11, locationIds: [1] },
    { id: 3, name: 'Ravi', email: 'r@x', role: 'member', groupId: 12, locationIds: [1] },
    { id: 4, name: 'Tom', email: 't@x', role: 'member', groupId: 12, locationIds: [2] },
  ],
};
const hana: TeamActor = { memberId: 1, role: 'member', grants: TEAM_ONLY, locationIds: [1] };
const owner: TeamActor = { memberId: 9, role: 'owner', grants: { ...READ, replyChats: true, manageSettings: true, manageTeam: true }, locationIds: [1, 2] };
const memberById = (id: number) => team.members.find((member) => member.id === id)!;

describe('what the Team page offers a manager', () => {
  it('opens only members within their locations and permissions; owners open everyone', () => {
    expect(memberLockReason(hana, memberById(3), team)).toBeNull();
    expect(memberLockReason(hana, memberById(2), team)).toBe('Sofia has Access client chats, which you do not, so only a workspace owner or another manager can change their account.');
    expect(memberLockReason(hana, memberById(4), team)).toMatch(/^Tom works at Shoreditch/);
    expect(team.members.map((member) => memberLockReason(owner, member, team))).toEqual([null, null, null, null]);
  });

  it('never lets them change their own group or locations, and offers only groups and locations within their own', () => {
    expect(membershipLockReason(hana, memberById(1))).toBe('You cannot change your own permission group or locations. Ask a workspace owner.');
    expect(membershipLockReason(hana, memberById(3))).toBeNull();
    expect(team.groups.map((group) => groupBeyond(hana, group))).toEqual([false, true, false]);
    expect([locationBeyond(hana, 1), locationBeyond(hana, 2), locationBeyond(owner, 2)]).toEqual([false, true, false]);
  });

  it('locks the ticks of permissions they lack, and every tick of their own group or of a group with members beyond them', () => {
    const fresh = groupEditLocks(hana, team, null, { ...TEAM_ONLY, manageTeam: false });
    expect([fresh.locked('accessChats'), fresh.locked('manageSettings'), fresh.locked('manageTeam')]).toEqual([true, true, false]);
    expect(fresh.note).toBe('You can only give or take away permissions you have yourself.');
    const own = groupEditLocks(hana, team, team.groups[0]!, TEAM_ONLY);
    expect([own.locked('manageTeam'), own.note]).toEqual([true, 'You cannot change the permissions of your own group. Ask a workspace owner.']);
    const rota = groupEditLocks(hana, team, team.groups[2]!, TEAM_ONLY);
    expect([rota.locked('manageTeam'), rota.note]).toEqual([true, "This group's permissions also apply to Tom, who you do not manage. Ask a workspace owner to change them."]);
    expect(groupEditLocks(owner, team, team.groups[2]!, TEAM_ONLY)).toMatchObject({ note: null });
  });
});
