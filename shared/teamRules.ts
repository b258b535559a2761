// Who may change what on the Team page. "Manage team" is not owner-level: a manager hands out
// only the permissions they have themselves, never changes their own group or locations, and
// manages only team members who work nowhere but at the manager's locations and have no
// permission the manager lacks (resetting the password of someone with more would let the
// manager sign in as them). Owners alone manage owners; owners may do everything.
// The server enforces these rules (server/team/teamRules.ts); the Team page uses the same
// functions only to offer nothing it would refuse.
import type { GroupGrants, Role } from './permissions';

export type GrantKey = keyof GroupGrants;

/** The manager as a session knows them: grants and locations as at sign-in (R8). */
export type TeamActor = {
  memberId: number;
  role: Role;
  grants: GroupGrants;
  locationIds: readonly number[];
};

/** A team member as the rules need them: their group's grants (null: in no group) and locations. */
export type TeamTarget = {
  id: number;
  name: string;
  role: Role;
  grants: GroupGrants | null;
  locationIds: readonly number[];
};

/** What a refusal is about, so the server words it and the Team page greys out the same choices. */
export type TeamRefusal =
  | { kind: 'owner_only'; member: string }
  | { kind: 'own_membership' }
  | { kind: 'own_account' }
  | { kind: 'grants_beyond'; grants: GrantKey[] }
  | { kind: 'locations_beyond'; locationIds: number[] }
  | { kind: 'member_beyond'; member: string; locationIds: number[]; grants: GrantKey[] }
  | { kind: 'group_members_beyond'; members: string[] }
  | { kind: 'own_group' };

export const GRANT_NAMES: Record<GrantKey, string> = {
  accessChats: 'Access client chats',
  replyChats: 'Reply to client chats',
  manageSettings: 'Manage Client Connect settings',
  manageTeam: 'Manage team',
};
const GRANT_KEYS = Object.keys(GRANT_NAMES) as GrantKey[];

const isOwner = (actor: TeamActor) => actor.role === 'owner';

/** Permissions in `grants` the actor does not have (none for owners). */
export function grantsBeyond(actor: TeamActor, grants: GroupGrants | null): GrantKey[] {
  if (isOwner(actor) || grants === null) return [];
  return GRANT_KEYS.filter((key) => grants[key] && !actor.grants[key]);
}

/** Locations in `locationIds` the actor does not work at (none for owners). */
export function locationsBeyond(actor: TeamActor, locationIds: readonly number[]): number[] {
  if (isOwner(actor)) return [];
  return [...new Set(locationIds)].filter((id) => !actor.locationIds.includes(id));
}

/** May the actor reset this member's password, sign them out everywhere or edit them at all? */
export function checkManageMember(actor: TeamActor, target: TeamTarget): TeamRefusal | null {
  if (target.role === 'owner') return isOwner(actor) ? null : { kind: 'owner_only', member: target.name };
  const locationIds = locationsBeyond(actor, target.locationIds);
  const grants = grantsBeyond(actor, target.grants);
  if (locationIds.length > 0 || grants.length > 0) return { kind: 'member_beyond', member: target.name, locationIds, grants };
  return null;
}

/** May the actor deactivate (or reactivate) this member? Never themselves, owners included: a
 * workspace always keeps the owner who is acting. Otherwise as for any change to the member. */
export function checkDeactivate(actor: TeamActor, target: TeamTarget): TeamRefusal | null {
  if (target.id === actor.memberId) return { kind: 'own_account' };
  return checkManageMember(actor, target);
}

/** May the actor delete a group (an empty one: that is checked apart)? Only one whose
 * permissions they could have given themselves, as for creating it. */
export function checkGroupDelete(actor: TeamActor, groupGrants: GroupGrants): TeamRefusal | null {
  const grants = grantsBeyond(actor, groupGrants);
  return grants.length > 0 ? { kind: 'grants_beyond', grants } : null;
}

/** May the actor give a member this group (its grants) and these locations? */
export function checkAssignment(actor: TeamActor, groupGrants: GroupGrants, locationIds: readonly number[]): TeamRefusal | null {
  const grants = grantsBeyond(actor, groupGrants);
  if (grants.length > 0) return { kind: 'grants_beyond', grants };
  const beyond = locationsBeyond(actor, locationIds);
  if (beyond.length > 0) return { kind: 'locations_beyond', locationIds: beyond };
  return null;
}

/** May the actor move this member to a group and set their locations? Never their own. */
export function checkMemberUpdate(
  actor: TeamActor,
  target: TeamTarget,
  groupGrants: GroupGrants,
  locationIds: readonly number[],
): TeamRefusal | null {
  if (target.id === actor.memberId && !isOwner(actor)) return { kind: 'own_membership' };
  return checkManageMember(actor, target) ?? checkAssignment(actor, groupGrants, locationIds);
}

/** Permissions whose tick changes between `before` and `after` that the actor does not have:
 * they can neither grant nor take away what they could not give back. */
export function changedGrantsBeyond(actor: TeamActor, before: GroupGrants, after: GroupGrants): GrantKey[] {
  if (isOwner(actor)) return [];
  return GRANT_KEYS.filter((key) => before[key] !== after[key] && !actor.grants[key]);
}

/** May the actor change a group's permissions from `before` to `after`? The change reaches every
 * member of the group, so each must be one the actor manages; never the actor's own group.
 * A rename alone (same permissions) changes nobody's rights and is always allowed. */
export function checkGroupEdit(
  actor: TeamActor,
  group: { id: number; grants: GroupGrants; members: readonly TeamTarget[] },
  after: GroupGrants,
): TeamRefusal | null {
  if (isOwner(actor) || GRANT_KEYS.every((key) => group.grants[key] === after[key])) return null;
  const grants = changedGrantsBeyond(actor, group.grants, after);
  if (grants.length > 0) return { kind: 'grants_beyond', grants };
  return checkGroupMembers(actor, group.members);
}

/** Whether the actor may change the permissions of a group with these members at all: not
 * their own group, and only when every member is one they manage. */
export function checkGroupMembers(actor: TeamActor, members: readonly TeamTarget[]): TeamRefusal | null {
  if (isOwner(actor)) return null;
  if (members.some((member) => member.id === actor.memberId)) return { kind: 'own_group' };
  const beyond = members.filter((member) => checkManageMember(actor, member) !== null).map((member) => member.name);
  return beyond.length > 0 ? { kind: 'group_members_beyond', members: beyond } : null;
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The refusal in words; `locationName` turns location ids into names. */
export function describeTeamRefusal(refusal: TeamRefusal, locationName: (id: number) => string): string {
  const grantNames = (keys: readonly GrantKey[]) => list(keys.map((key) => GRANT_NAMES[key]));
  const locationNames = (ids: readonly number[]) => list(ids.map(locationName));
  switch (refusal.kind) {
    case 'owner_only':
      return `${refusal.member} is a workspace owner: only an owner can change their account.`;
    case 'own_membership':
      return 'You cannot change your own permission group or locations. Ask a workspace owner.';
    case 'own_account':
      return 'You cannot deactivate your own account. Ask a workspace owner.';
    case 'own_group':
      return "You cannot change the permissions of your own group. Ask a workspace owner.";
    case 'grants_beyond':
      return `You can only give or take away permissions you have yourself. You do not have ${grantNames(refusal.grants)}.`;
    case 'locations_beyond':
      return `You can only choose locations you work at. You do not work at ${locationNames(refusal.locationIds)}.`;
    case 'member_beyond': {
      const reasons = [
        ...(refusal.locationIds.length > 0 ? [`works at ${locationNames(refusal.locationIds)}`] : []),
        ...(refusal.grants.length > 0 ? [`has ${grantNames(refusal.grants)}`] : []),
      ];
      return `${refusal.member} ${reasons.join(' and ')}, which you do not, so only a workspace owner or another manager can change their account.`;
    }
    case 'group_members_beyond':
      return `This group's permissions also apply to ${list(refusal.members)}, who you do not manage. Ask a workspace owner to change them.`;
  }
}
