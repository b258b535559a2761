// Add or edit a permission group: its name and, under "Client messaging" and "Workspace", the
// permissions it grants. Save and Cancel sit at the top right, as in the help article.
import { useId, useState } from 'react';
import { GROUP_NAME_MAX, type PermissionGroup, type Team } from '../../shared/teamEvents';
import { checkGroupDelete, type TeamActor } from '../../shared/teamRules';
import { problemsSummary } from '../api/errors';
import { ConflictChoice } from '../settings/ConflictChoice';
import { FieldError } from '../ui/FieldError';
import { OptionRow } from '../ui/OptionRow';
import { EditorHeader } from './EditorHeader';
import { DeleteGroup } from './DeleteGroup';
import { canTickGrant, GRANT_SECTIONS } from './grants';
import { groupDraftChanged, groupDraftProblems } from './groupEditor';
import { groupEditLocks } from './teamActor';
import { useGroupEditor } from './useGroupEditor';

interface GroupEditorProps {
  group: PermissionGroup | null;
  team: Team;
  actor: TeamActor;
  otherGroupNames: string[];
  onSaved: (group: PermissionGroup) => void;
  /** Saved offline: the edit waits on this computer for the connection. */
  onQueued?: (name: string) => void;
  /** Offered for an existing group whose permissions this manager could have given. */
  onDeleted?: () => void;
  onClose: () => void;
}

export function GroupEditor({ group, team, actor, otherGroupNames, onSaved, onQueued, onDeleted, onClose }: GroupEditorProps) {
  const { state, dispatch, save, keepMine } = useGroupEditor(group, onSaved, onQueued);
  const { draft, conflict } = state;
  const titleId = useId();
  const nameId = useId();
  const nameErrorId = useId();
  const grantsErrorId = useId();
  const idPrefix = useId();
  const problems = groupDraftProblems(draft, otherGroupNames, state.serverProblems);
  const canSave = problems.name === undefined && problems.grants === undefined;
  // Say what is wrong once the manager tries to save, not while they are still typing; then
  // every problem at once, each beside its field, and one line above that sums them up.
  const [triedToSave, setTriedToSave] = useState(false);
  const shown = triedToSave ? problems : state.serverProblems;
  const summary = problemsSummary(shown) ?? state.error;
  // Permissions this manager may not give or take away here stay as they are.
  const locks = groupEditLocks(actor, team, group, draft.grants);

  return (
    <>
      <section className="settings-card" aria-labelledby={titleId}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTriedToSave(true);
            if (!canSave || state.saving || conflict) return;
            if (groupDraftChanged(draft, group)) save();
            else onClose();
          }}
          noValidate
        >
          <EditorHeader
            titleId={titleId}
            title={group ? 'Edit permission group' : 'Add permission group'}
            help={
              group
                ? `${group.memberCount === 1 ? '1 team member is' : `${group.memberCount} team members are`} in this group. Changes apply the next time they sign in.`
                : 'Choose what members of this group can do. Assign team members to it in the list of team members.'
            }
            saving={state.saving}
            blocked={conflict !== null}
            onCancel={onClose}
          />
          {conflict && (
            <ConflictChoice
              what="this permission group"
              rows={[
                { label: 'Group name', theirs: conflict.theirs.name, mine: conflict.mine.name },
                ...GRANT_SECTIONS.flatMap((section) => section.options).map(({ key, label }) => ({
                  label,
                  theirs: conflict.theirs.grants[key] ? 'Granted' : 'Not granted',
                  mine: conflict.mine.grants[key] ? 'Granted' : 'Not granted',
                })),
              ]}
              useTheirsLabel="Use their version"
              onUseTheirs={() => dispatch({ type: 'use-theirs' })}
              onKeepMine={keepMine}
            />
          )}
          {summary && (
            <p className="notice notice--error" role="alert">
              {summary}
            </p>
          )}
          <div className="form-field">
            <label htmlFor={nameId}>Group name</label>
            <input
              id={nameId}
              type="text"
              value={draft.name}
              maxLength={GROUP_NAME_MAX}
              autoComplete="off"
              aria-invalid={shown.name ? true : undefined}
              aria-describedby={shown.name ? nameErrorId : undefined}
              disabled={state.saving || conflict !== null}
              onChange={(event) => dispatch({ type: 'rename', name: event.target.value })}
            />
            <FieldError id={nameErrorId} message={shown.name} />
          </div>
          {locks.note && (
            <p className="notice notice--info" data-testid="group-locks">
              {locks.note}
            </p>
          )}
          {GRANT_SECTIONS.map((section) => (
            <fieldset
              key={section.title}
              className="option-list"
              disabled={state.saving || conflict !== null}
              aria-describedby={shown.grants ? grantsErrorId : undefined}
            >
              <legend className="option-list__legend">{section.title}</legend>
              {section.options.map(({ key, label, description }) => (
                <OptionRow
                  key={key}
                  id={`${idPrefix}-${key}`}
                  label={label}
                  checked={draft.grants[key]}
                  disabled={!canTickGrant(draft.grants, key) || locks.locked(key)}
                  onChange={(value) => dispatch({ type: 'set-grant', key, value })}
                >
                  {description}
                </OptionRow>
              ))}
            </fieldset>
          ))}
          <FieldError id={grantsErrorId} message={shown.grants} />
        </form>
      </section>
      {group && onDeleted && checkGroupDelete(actor, group.grants) === null && <DeleteGroup group={group} onDeleted={onDeleted} />}
    </>
  );
}
