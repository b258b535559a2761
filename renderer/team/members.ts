// How team members read in the Team list and what their editor may change. Owners are in no
// group and can do everything; they are shown as such and not edited here.
import type { PermissionGroup, TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';

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

export function memberDraftProblem(draft: MemberDraft): string | null {
  if (draft.groupId === null) return 'Choose a permission group.';
  // With no location a member would see no conversations at all (R12).
  if (draft.locationIds.length === 0) return 'Choose at least one location the team member works at.';
  return null;
}

export function memberDraftChanged(draft: MemberDraft, member: TeamMember): boolean {
  const before = [...member.locationIds].sort((a, b) => a - b).join(',');
  const after = [...draft.locationIds].sort((a, b) => a - b).join(',');
  return draft.groupId !== member.groupId || before !== after;
}
