// How team members read in the Team list and what their editor may change. Owners are in no
// group and can do everything; they are shown as such and not edited here.
import type { PermissionGroup, TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import type { FieldProblems } from '../api/errors';

export const OWNER_LABEL = 'Owner — all permissions';

export const isOwner = (member: TeamMember): boolean => member.role === 'owner';

export function memberGroupLabel(member: TeamMember, groups: readonly PermissionGroup[]): string {
  if (isOwner(member)) return OWNER_LABEL;
  return groups.find((group) => group.id === member.groupId)?.name ?? 'No permission group';
}

/** Location names in the workspace's order: "Soho, Shoreditch", or "No locations". */
export function memberLocationsLabel(locationIds: readonly number[], locations: readonly Location[]): string {
  const names = locations.filter((location) => locationIds.includes(location.id)).map((location) => location.name);
  return names.length > 0 ? names.join(', ') : 'No locations';
}

export interface MemberDraft {
  groupId: number | null;
  locationIds: number[];
}

/** Ticks or unticks a location, keeping the workspace's order so "changed?" compares cleanly. */
export function withLocation(draft: MemberDraft, locationId: number, on: boolean, locations: readonly Location[]): MemberDraft {
  const chosen = new Set(draft.locationIds);
  if (on) chosen.add(locationId);
  else chosen.delete(locationId);
  return { ...draft, locationIds: locations.map((location) => location.id).filter((id) => chosen.has(id)) };
}

export const MEMBERSHIP_FIELDS = ['groupId', 'locationIds'] as const;
export type MembershipField = (typeof MEMBERSHIP_FIELDS)[number];

/** Every problem of a member's group and locations at once, each for its field. */
export function membershipProblems(draft: MemberDraft): FieldProblems<MembershipField> {
  const problems: FieldProblems<MembershipField> = {};
  if (draft.groupId === null) problems.groupId = 'Choose a permission group.';
  // With no location a member would see no conversations at all (R12).
  if (draft.locationIds.length === 0) problems.locationIds = 'Choose at least one location the team member works at.';
  return problems;
}

/** The first of those problems, or null. */
export function memberDraftProblem(draft: MemberDraft): string | null {
  const { groupId, locationIds } = membershipProblems(draft);
  return groupId ?? locationIds ?? null;
}

export function memberDraftChanged(draft: MemberDraft, member: TeamMember): boolean {
  const before = [...member.locationIds].sort((a, b) => a - b).join(',');
  const after = [...draft.locationIds].sort((a, b) => a - b).join(',');
  return draft.groupId !== member.groupId || before !== after;
}
