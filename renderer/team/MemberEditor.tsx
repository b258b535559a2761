// Edit a team member: their permission group and the locations they work at (R12), then Save.
// Changes apply at their next sign-in (R8); "Sign out of all devices" applies them now.
import { useId } from 'react';
import type { PermissionGroup, TeamMember } from '../../shared/adminEvents';
import type { Location } from '../../shared/domain';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import { SignOutEverywhere } from './SignOutEverywhere';
import { useMemberEditor } from './useMemberEditor';

interface MemberEditorProps {
  member: TeamMember;
  groups: PermissionGroup[];
  locations: Location[];
  onSaved: () => void;
  onClose: () => void;
}

export function MemberEditor({ member, groups, locations, onSaved, onClose }: MemberEditorProps) {
  const editor = useMemberEditor(member, locations, onSaved);
  const { draft } = editor;
  const titleId = useId();
  const title = useFocusOnMount<HTMLHeadingElement>();
  const groupId = useId();
  const idPrefix = useId();

  return (
    <>
      <section className="settings-card" aria-labelledby={titleId}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!editor.saving) void editor.save();
          }}
        >
          <div className="settings-card__header">
            <div>
              <h2 id={titleId} className="settings-card__title" ref={title} tabIndex={-1}>
                {member.name}
              </h2>
              <p className="settings-card__help">{member.email}</p>
            </div>
            <div className="settings-card__actions">
              <button type="button" className="secondary-button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="primary-button" disabled={editor.saving}>
                {editor.saving ? 'Saving…' : 'Save'}
              </button>
            </div>
          </div>
          {editor.error && (
            <p className="notice notice--error" role="alert">
              {editor.error}
            </p>
          )}
          <div className="form-field">
            <label htmlFor={groupId}>Permission group</label>
            <select
              id={groupId}
              value={draft.groupId ?? ''}
              disabled={editor.saving}
              onChange={(event) => editor.setGroup(event.target.value ? Number(event.target.value) : null)}
            >
              {draft.groupId === null && <option value="">Choose a permission group</option>}
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="option-list" disabled={editor.saving}>
            <legend className="option-list__legend">Locations</legend>
            <p className="option-list__help">They see and answer the conversations of the locations they work at.</p>
            {locations.map((location) => (
              <div key={location.id} className="option-row">
                <input
                  id={`${idPrefix}-${location.id}`}
                  type="checkbox"
                  checked={draft.locationIds.includes(location.id)}
                  onChange={(event) => editor.setLocation(location.id, event.target.checked)}
                />
                <label htmlFor={`${idPrefix}-${location.id}`} className="option-row__label">
                  {location.name}
                </label>
              </div>
            ))}
          </fieldset>
          <p className="notice notice--info">
            Changes apply the next time {member.name} signs in. To apply them now, save and then sign them out of all
            devices.
          </p>
        </form>
      </section>
      <SignOutEverywhere memberName={member.name} state={editor.signOut} onConfirm={() => void editor.signOutEverywhere()} />
    </>
  );
}
