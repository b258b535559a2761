// The Team page's rules as the server enforces them (see shared/teamRules.ts for the rules in
// words): the handlers ask here before they change anything. A refusal is a `forbidden` answer
// that says why, and is recorded in the audit log as `team.refused` with what was asked, so an
// owner sees a manager trying to reach beyond their rights.
import type { TeamMember } from '../../shared/teamEvents';
import type { GroupGrants } from '../../shared/permissions';
import { err, type Err } from '../../shared/result';
import {
  checkAssignment,
  checkDeactivate,
  checkGroupDelete,
  checkGroupEdit,
  checkManageMember,
  checkMemberUpdate,
  describeTeamRefusal,
  type TeamActor,
  type TeamRefusal,
  type TeamTarget,
} from '../../shared/teamRules';
import type { Clock } from '../clock';
import type { StaffRequestContext } from '../realtime/on';
import type { Repositories } from '../repositories';

/** What each request is called in the audit log's record of a refusal. */
export type TeamRequest =
  | 'group:create'
  | 'group:update'
  | 'group:delete'
  | 'member:create'
  | 'member:update'
  | 'member:set-password'
  | 'member:sign-out-everywhere'
  | 'member:deactivate'
  | 'member:reactivate';

/** Owners are refused on these as before, in these words. */
const OWNER_ONLY_MESSAGES: Partial<Record<TeamRequest, string>> = {
  'member:update': 'Workspace owners can do everything at every location, so their group and locations cannot be changed.',
  'member:set-password': "Only a workspace owner can set an owner's password.",
  'member:sign-out-everywhere': 'Only a workspace owner can sign out a workspace owner.',
  'member:deactivate': 'Only a workspace owner can deactivate a workspace owner.',
  'member:reactivate': 'Only a workspace owner can reactivate a workspace owner.',
};

export type TeamRules = ReturnType<typeof createTeamRules>;

export function createTeamRules(repos: Repositories, clock: Clock) {
  const actorOf = (context: StaffRequestContext): TeamActor => ({
    memberId: context.session.memberId,
    // The role as it is now: owners are never demoted, and a member is never made an owner here.
    role: repos.team.memberById(context.session.memberId)?.role ?? 'member',
    grants: context.session.grants,
    locationIds: context.session.locationIds,
  });

  const grantsOfGroup = (groupId: number | null): GroupGrants | null =>
    groupId === null ? null : (repos.groups.findById(groupId)?.grants ?? null);

  const targetOf = (member: TeamMember): TeamTarget => ({
    id: member.id,
    name: member.name,
    role: member.role,
    grants: grantsOfGroup(member.groupId),
    locationIds: member.locationIds,
  });

  function refuse(context: StaffRequestContext, request: TeamRequest, subject: string, refusal: TeamRefusal, asked: unknown): Err {
    const locationNames = new Map(repos.workspace.locations().map((location) => [location.id, location.name]));
    const ownerOnly = refusal.kind === 'owner_only' ? OWNER_ONLY_MESSAGES[request] : undefined;
    const message = ownerOnly ?? describeTeamRefusal(refusal, (id) => locationNames.get(id) ?? `location ${id}`);
    repos.audit.record({
      at: clock.now(),
      actor: { id: context.session.memberId, name: context.memberName },
      action: 'team.refused',
      subject,
      before: null,
      after: { request, reason: message, asked },
    });
    return err('forbidden', message, { reason: refusal.kind });
  }

  const memberSubject = (member: { name: string }) => `Team member ${member.name}`;
  const groupSubject = (name: string) => `Permission group "${name}"`;

  return {
    groupCreate(context: StaffRequestContext, name: string, grants: GroupGrants): Err | null {
      const refusal = checkAssignment(actorOf(context), grants, []);
      return refusal && refuse(context, 'group:create', groupSubject(name), refusal, { name, grants });
    },

    /** Null also when the group does not exist: the update itself answers that. */
    groupUpdate(context: StaffRequestContext, groupId: number, name: string, grants: GroupGrants): Err | null {
      const group = repos.groups.findById(groupId);
      if (!group) return null;
      const members = repos.team.list().filter((member) => member.groupId === groupId && member.role === 'member').map(targetOf);
      const refusal = checkGroupEdit(actorOf(context), { id: group.id, grants: group.grants, members }, grants);
      return refusal && refuse(context, 'group:update', groupSubject(group.name), refusal, { name, grants });
    },

    /** Null also when the group does not exist: the deletion itself answers that. */
    groupDelete(context: StaffRequestContext, groupId: number): Err | null {
      const group = repos.groups.findById(groupId);
      if (!group) return null;
      const refusal = checkGroupDelete(actorOf(context), group.grants);
      return refusal && refuse(context, 'group:delete', groupSubject(group.name), refusal, { groupId });
    },

    memberCreate(context: StaffRequestContext, name: string, groupId: number, locationIds: readonly number[]): Err | null {
      const refusal = checkAssignment(actorOf(context), grantsOfGroup(groupId) ?? noGrantsOf(), locationIds);
      return refusal && refuse(context, 'member:create', memberSubject({ name }), refusal, { groupId, locationIds });
    },

    /** Owners are in no group and work everywhere, whoever asks: refused before anything else. */
    ownerMembership(context: StaffRequestContext, member: TeamMember, groupId: number, locationIds: readonly number[]): Err | null {
      if (member.role !== 'owner') return null;
      return refuse(context, 'member:update', memberSubject(member), { kind: 'owner_only', member: member.name }, { groupId, locationIds });
    },

    /** For a member who is not an owner (ownerMembership answers for owners). */
    memberUpdate(context: StaffRequestContext, member: TeamMember, groupId: number, locationIds: readonly number[]): Err | null {
      const refusal = checkMemberUpdate(actorOf(context), targetOf(member), grantsOfGroup(groupId) ?? noGrantsOf(), locationIds);
      return refusal && refuse(context, 'member:update', memberSubject(member), refusal, { groupId, locationIds });
    },

    /** Setting a password or signing out everywhere: the member must be one the actor manages. */
    manageMember(context: StaffRequestContext, request: 'member:set-password' | 'member:sign-out-everywhere', memberId: number): Err | null {
      const member = repos.team.teamMember(memberId);
      if (!member) return null;
      const refusal = checkManageMember(actorOf(context), targetOf(member));
      return refusal && refuse(context, request, memberSubject(member), refusal, null);
    },

    /** Deactivating or reactivating: as managing the member, and never oneself. */
    deactivation(context: StaffRequestContext, request: 'member:deactivate' | 'member:reactivate', member: TeamMember): Err | null {
      const refusal = checkDeactivate(actorOf(context), targetOf(member));
      return refusal && refuse(context, request, memberSubject(member), refusal, null);
    },
  };
}

const noGrantsOf = (): GroupGrants => ({ accessChats: false, replyChats: false, manageSettings: false, manageTeam: false });
