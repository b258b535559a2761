// A team member's permission group and the locations they work at (R7, R12), as the member
// editor and the new-member form ask for them.
import { useId } from 'react';
import type { PermissionGroup } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import type { TeamActor } from '../../shared/teamRules';
import type { FieldProblems } from '../api/errors';
import { FieldError } from '../ui/FieldError';
import type { MemberDraft, MembershipField } from './members';
import { groupBeyond, locationBeyond } from './teamActor';

interface MembershipFieldsProps {
  draft: MemberDraft;
  groups: PermissionGroup[];
  locations: Location[];
  /** Groups granting more, and locations beyond, what the actor has are not offered. */
  actor: TeamActor;
  disabled: boolean;
  /** Why the group and locations cannot be changed at all (the actor's own), or null. */
  lockedReason?: string | null;
  /** The group's and the locations' problems, each shown under its control. */
  problems?: FieldProblems<MembershipField>;
  onGroup(groupId: number | null): void;
  onLocation(locationId: number, on: boolean): void;
}

export function MembershipFields({ draft, groups, locations, actor, disabled, lockedReason = null, problems = {}, onGroup, onLocation }: MembershipFieldsProps) {
  const groupId = useId();
  const groupErrorId = `${groupId}-error`;
  const locationsErrorId = `${groupId}-locations-error`;
  const idPrefix = useId();
  const locked = disabled || lockedReason !== null;
  return (
    <>
      {lockedReason && (
        <p className="notice notice--info" data-testid="membership-locked">
          {lockedReason}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={groupId}>Permission group</label>
        <select
          id={groupId}
          value={draft.groupId ?? ''}
          disabled={locked}
          aria-invalid={problems.groupId ? true : undefined}
          aria-describedby={problems.groupId ? groupErrorId : undefined}
          onChange={(event) => onGroup(event.target.value ? Number(event.target.value) : null)}
        >
          {draft.groupId === null && <option value="">Choose a permission group</option>}
          {groups.map((group) => (
            <option key={group.id} value={group.id} disabled={group.id !== draft.groupId && groupBeyond(actor, group)}>
              {group.id !== draft.groupId && groupBeyond(actor, group) ? `${group.name} (grants more than you have)` : group.name}
            </option>
          ))}
        </select>
        <FieldError id={groupErrorId} message={problems.groupId} />
      </div>
      <fieldset className="option-list" disabled={locked} aria-describedby={problems.locationIds ? locationsErrorId : undefined}>
        <legend className="option-list__legend">Locations</legend>
        <p className="option-list__help">They see and answer the conversations of the locations they work at.</p>
        {locations.map((location) => (
          <div key={location.id} className="option-row">
            <input
              id={`${idPrefix}-${location.id}`}
              type="checkbox"
              checked={draft.locationIds.includes(location.id)}
              disabled={!draft.locationIds.includes(location.id) && locationBeyond(actor, location.id)}
              onChange={(event) => onLocation(location.id, event.target.checked)}
            />
            <label htmlFor={`${idPrefix}-${location.id}`} className="option-row__label">
              {location.name}
              {!draft.locationIds.includes(location.id) && locationBeyond(actor, location.id) && ' (you do not work here)'}
            </label>
          </div>
        ))}
        <FieldError id={locationsErrorId} message={problems.locationIds} />
      </fieldset>
    </>
  );
}
