// A team member's permission group and the locations they work at (R7, R12), as the member
// editor and the new-member form ask for them.
import { useId } from 'react';
import type { PermissionGroup } from '../../shared/adminEvents';
import type { Location } from '../../shared/domain';
import type { MemberDraft } from './members';

interface MembershipFieldsProps {
  draft: MemberDraft;
  groups: PermissionGroup[];
  locations: Location[];
  disabled: boolean;
  onGroup(groupId: number | null): void;
  onLocation(locationId: number, on: boolean): void;
}

export function MembershipFields({ draft, groups, locations, disabled, onGroup, onLocation }: MembershipFieldsProps) {
  const groupId = useId();
  const idPrefix = useId();
  return (
    <>
      <div className="form-field">
        <label htmlFor={groupId}>Permission group</label>
        <select
          id={groupId}
          value={draft.groupId ?? ''}
          disabled={disabled}
          onChange={(event) => onGroup(event.target.value ? Number(event.target.value) : null)}
        >
          {draft.groupId === null && <option value="">Choose a permission group</option>}
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="option-list" disabled={disabled}>
        <legend className="option-list__legend">Locations</legend>
        <p className="option-list__help">They see and answer the conversations of the locations they work at.</p>
        {locations.map((location) => (
          <div key={location.id} className="option-row">
            <input
              id={`${idPrefix}-${location.id}`}
              type="checkbox"
              checked={draft.locationIds.includes(location.id)}
              onChange={(event) => onLocation(location.id, event.target.checked)}
            />
            <label htmlFor={`${idPrefix}-${location.id}`} className="option-row__label">
              {location.name}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
