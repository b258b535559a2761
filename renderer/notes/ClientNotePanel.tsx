// Beside the chat: what the team keeps about the client (patch test, allergies, preferences).
// Everyone with Access reads it; members who may reply edit it. A colleague's save made while
// this member was editing is shown as a clash with their text, never silently overwritten.
import { useId } from 'react';
import { CLIENT_NOTE_MAX_LENGTH } from '../../shared/noteEvents';
import { can } from '../../shared/permissions';
import { useStaff } from '../session/StaffContext';
import { formatAppointmentTime } from '../ui/format';
import { useClientNote } from './useClientNote';
import '../styles/notes.css';

export function ClientNotePanel({ conversationId }: { conversationId: number }) {
  const state = useClientNote(conversationId);
  const { note, editing, clash } = state;
  const mayEdit = can(useStaff().session.grants, 'chats.reply');
  const titleId = useId();
  const inputId = useId();
  return (
    <aside className="context-panel client-note" aria-labelledby={titleId}>
      <div className="client-profile__header">
        <h2 id={titleId} className="context-panel__title">
          Client note
        </h2>
        {note && !editing && mayEdit && (
          <button type="button" className="secondary-button secondary-button--small" onClick={state.startEditing}>
            Edit<span className="visually-hidden"> client note</span>
          </button>
        )}
      </div>
      {state.loadError && (
        <p className="form-error" role="alert">
          {state.loadError}
        </p>
      )}
      {!note && !state.loadError && <p className="context-panel__note">Loading…</p>}
      <p className="settings-page__saved" role="status">
        {state.saved}
      </p>
      {note && !editing && (
        <>
          <p className="client-note__text" data-testid="client-note-text">
            {note.text === '' ? 'Nothing noted yet (patch tests, allergies, preferences).' : note.text}
          </p>
          {note.updated && (
            <p className="context-panel__note">
              Last changed by {note.updated.by.name}, {formatAppointmentTime(note.updated.at)}
            </p>
          )}
        </>
      )}
      {editing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void state.save();
          }}
        >
          {clash && (
            <div className="notice notice--error" role="alert" data-testid="client-note-clash">
              <p>{state.problem}</p>
              <p>
                {clash.updated ? `${clash.updated.by.name} saved:` : 'Saved meanwhile:'} “{clash.text}”
              </p>
            </div>
          )}
          {!clash && state.problem && (
            <p className="form-error" role="alert">
              {state.problem}
            </p>
          )}
          <label htmlFor={inputId} className="visually-hidden">
            Client note
          </label>
          <textarea id={inputId} rows={4} maxLength={CLIENT_NOTE_MAX_LENGTH} value={editing.text} onChange={(event) => state.change(event.target.value)} />
          <div className="client-profile__actions">
            <button type="submit" className="primary-button" disabled={state.saving}>
              {clash ? 'Save mine over theirs' : 'Save'}<span className="visually-hidden"> client note</span>
            </button>
            <button type="button" className="secondary-button" onClick={state.cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </aside>
  );
}
