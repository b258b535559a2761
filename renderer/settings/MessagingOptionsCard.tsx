// "Update Client Connect message settings": the article's three checkboxes, read-only until
// Edit, then Save or Cancel at the top right of the section.
import { useEffect, useId, useRef } from 'react';
import { ConflictChoice } from './ConflictChoice';
import { OptionRow } from '../ui/OptionRow';
import {
  changedSinceEdit,
  hasChanges,
  MESSAGING_OPTIONS,
  optionsOf,
  type MessagingSettingsAction,
  type MessagingSettingsState,
} from './messagingSettings';

interface MessagingOptionsCardProps {
  state: MessagingSettingsState;
  dispatch: (action: MessagingSettingsAction) => void;
  onSave: () => void;
  onCancel: () => void;
  onKeepMine: () => void;
}

export function MessagingOptionsCard({ state, dispatch, onSave, onCancel, onKeepMine }: MessagingOptionsCardProps) {
  const titleId = useId();
  const idPrefix = useId();
  const { current, editing, conflict } = state;
  // Edit and Save/Cancel replace each other: keep keyboard focus in the section as they do.
  const editButton = useRef<HTMLButtonElement>(null);
  const firstOption = useRef<HTMLInputElement>(null);
  const isEditing = editing !== null;
  const wasEditing = useRef(isEditing);
  useEffect(() => {
    if (isEditing !== wasEditing.current) (isEditing ? firstOption : editButton).current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);
  if (!current) return null;
  const shown = editing?.draft ?? optionsOf(current.settings);
  const saving = state.saving === 'options';

  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <div className="settings-card__header">
        <div>
          <h2 id={titleId} className="settings-card__title">
            Message settings
          </h2>
          <p className="settings-card__help">
            Choose how messaging works for your clients. Your updated settings apply straight away.
          </p>
        </div>
        <div className="settings-card__actions">
          {editing ? (
            <>
              <button type="button" className="secondary-button" onClick={onCancel}>
                Cancel
              </button>
              <button
                type="button"
                className="primary-button"
                disabled={saving || conflict !== null}
                onClick={() => (hasChanges(state) ? onSave() : onCancel())}
              >
                {saving ? 'Saving…' : 'Save'}
              </button>
            </>
          ) : (
            <button ref={editButton} type="button" className="secondary-button" onClick={() => dispatch({ type: 'edit' })}>
              Edit
            </button>
          )}
        </div>
      </div>
      {changedSinceEdit(state) && !conflict && (
        <p className="notice notice--warning" role="status">
          Someone else changed these settings after you pressed Edit. If you save, you'll be asked which version to
          keep.
        </p>
      )}
      {conflict && (
        <ConflictChoice
          what="these settings"
          rows={MESSAGING_OPTIONS.map(({ key, label }) => ({
            label,
            theirs: conflict.theirs.settings[key] ? 'On' : 'Off',
            mine: conflict.mine[key] ? 'On' : 'Off',
          }))}
          savedAt={conflict.theirs.updatedAt}
          useTheirsLabel="Use their settings"
          onUseTheirs={() => dispatch({ type: 'use-theirs' })}
          onKeepMine={onKeepMine}
        />
      )}
      <p className="settings-card__saved" role="status" data-testid="options-saved">
        {state.saved && !editing ? 'Saved' : ''}
      </p>
      <fieldset className="option-list" disabled={!editing || saving || conflict !== null}>
        <legend className="visually-hidden">Message settings</legend>
        {MESSAGING_OPTIONS.map(({ key, label, description }, index) => (
          <OptionRow
            key={key}
            id={`${idPrefix}-${key}`}
            label={label}
            checked={shown[key]}
            inputRef={index === 0 ? firstOption : undefined}
            onChange={(value) => dispatch({ type: 'toggle', key, value })}
          >
            {description}
          </OptionRow>
        ))}
      </fieldset>
    </section>
  );
}
