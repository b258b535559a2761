// The Team page offers only what the server would allow (shared/teamRules.ts): the signed-in
// manager as the rules see them, and the team members and groups in the rules' terms.
import type { PermissionGroup, Team, TeamMember } from '../../shared/teamEvents';
import type { SessionInfo } from '../../shared/domain';
import type { GroupGrants } from '../../shared/permissions';
import {
  checkGroupEdit,
  checkGroupMembers,
  checkManageMember,
  describeTeamRefusal,
  grantsBeyond,
  locationsBeyond,
  type GrantKey,
  type TeamActor,
  type TeamTarget,
} from '../../shared/teamRules';
import { withGrant } from './grants';

export const teamActorOf = (session: SessionInfo): TeamActor => ({
  memberId: session.member.id,
  role: session.member.role,
  grants: session.grants,
  locationIds: session.locations.map((location) => location.id),
});

export function targetOf(member: TeamMember, groups: readonly PermissionGroup[]): TeamTarget {
  return {
    id: member.id,
    name: member.name,
    role: member.role,
    grants: groups.find((group) => group.id === member.groupId)?.grants ?? null,
    locationIds: member.locationIds,
  };
}

const locationNamer = (team: Team) => (id: number) => team.locations.find((location) => location.id === id)?.name ?? 'another location';

/** Why the actor may not open this member's editor, or null when they may. */
export function memberLockReason(actor: TeamActor, member: TeamMember, team: Team): string | null {
  const refusal = checkManageMember(actor, targetOf(member, team.groups));
  return refusal && describeTeamRefusal(refusal, locationNamer(team));
}

/** Why the actor may not change this member's group and locations (their own), or null. */
export function membershipLockReason(actor: TeamActor, member: TeamMember): string | null {
  return member.id === actor.memberId && actor.role !== 'owner'
    ? describeTeamRefusal({ kind: 'own_membership' }, () => '')
    : null;
}

/** A group the actor may not put anyone in: it grants more than they have. */
export const groupBeyond = (actor: TeamActor, group: PermissionGroup): boolean => grantsBeyond(actor, group.grants).length > 0;

/** A location the actor may not give anyone: they do not work there. */
export const locationBeyond = (actor: TeamActor, locationId: number): boolean => locationsBeyond(actor, [locationId]).length > 0;

const membersOf = (team: Team, groupId: number | null) =>
  groupId === null ? [] : team.members.filter((member) => member.groupId === groupId && member.role === 'member').map((member) => targetOf(member, team.groups));

/** For the group editor: which ticks the actor may not change, and a note saying why. */
export function groupEditLocks(actor: TeamActor, team: Team, group: PermissionGroup | null, draft: GroupGrants) {
  const base = { id: group?.id ?? 0, grants: group?.grants ?? { accessChats: false, replyChats: false, manageSettings: false, manageTeam: false }, members: membersOf(team, group?.id ?? null) };
  const locked = (key: GrantKey) => checkGroupEdit(actor, base, withGrant(draft, key, !draft[key])) !== null;
  const whole = checkGroupMembers(actor, base.members);
  const note = whole
    ? describeTeamRefusal(whole, locationNamer(team))
    : grantsBeyond(actor, { accessChats: true, replyChats: true, manageSettings: true, manageTeam: true }).length > 0
      ? 'You can only give or take away permissions you have yourself.'
      : null;
  return { locked, note };
}
