// Beside the chat: who the client is and how they hear from the business (R11). In the app is
// always on; email and text follow the client's preferences, which the desk may change for
// them — members who may reply; to read-only members the panel is read only (the details decide
// where replies go). Invalid details are explained at the field; nothing is saved until all are right.
import { useId } from 'react';
import type { ClientProfileEdit } from '../../shared/clientProfile';
import { CHANNEL_UNAVAILABLE, type SendableChannels } from '../../shared/deliveries';
import { can } from '../../shared/permissions';
import { useStaff } from '../session/StaffContext';
import { formatAppointmentTime } from '../ui/format';
import { formatPhoneNumber } from '../ui/phoneNumber';
import { channelSummary, type ClientProfileField } from './clientProfileForm';
import { useClientProfile } from './useClientProfile';
import { useSendableChannels } from './useSendableChannels';

export function ClientProfilePanel({ conversationId }: { conversationId: number }) {
  const state = useClientProfile(conversationId);
  const titleId = useId();
  const { profile } = state;
  const mayEdit = can(useStaff().session.grants, 'chats.reply');
  const sendable = useSendableChannels();
  return (
    <aside className="context-panel client-profile" aria-labelledby={titleId}>
      <div className="client-profile__header">
        <h2 id={titleId} className="context-panel__title">
          Client profile
        </h2>
        {profile && !state.editing && mayEdit && (
          <button type="button" className="secondary-button secondary-button--small" onClick={state.startEditing}>
            Edit<span className="visually-hidden"> client profile</span>
          </button>
        )}
      </div>
      {state.loadError && (
        <p className="form-error" role="alert">
          {state.loadError}
        </p>
      )}
      {!profile && !state.loadError && <p className="context-panel__note">Loading…</p>}
      <p className="settings-page__saved" role="status">
        {state.editing ? '' : state.savedNote}
      </p>
      {profile && !mayEdit && (
        <p className="context-panel__note">Read only: changing a client&apos;s details needs Reply to client chats.</p>
      )}
      {profile && !state.editing && (
        <dl className="client-profile__details">
          <dt>Name</dt>
          <dd>{profile.name}</dd>
          <dt>Mobile number</dt>
          <dd>{profile.mobile === null ? 'None' : formatPhoneNumber(profile.mobile, profile.country)}</dd>
          <dt>Email</dt>
          <dd>{profile.email ?? 'None'}</dd>
          <dt>In-app notifications</dt>
          <dd>Always on</dd>
          <dt>Email notifications</dt>
          <dd>{channelSummary(profile.notifications.email, null)}</dd>
          <dt>Text message notifications</dt>
          <dd>{channelSummary(profile.notifications.sms, null)}</dd>
          {profile.updated && (
            <>
              <dt>Last changed</dt>
              <dd>
                by {profile.updated.by.kind === 'staff' ? profile.updated.by.name : 'the client'},{' '}
                {formatAppointmentTime(profile.updated.at)}
              </dd>
            </>
          )}
        </dl>
      )}
      {profile && state.editing && mayEdit && <ClientProfileEditor state={state} sendable={sendable} />}
    </aside>
  );
}

function ClientProfileEditor({ state, sendable }: { state: ReturnType<typeof useClientProfile>; sendable: SendableChannels }) {
  const id = useId();
  const editing = state.editing;
  if (!editing) return null;
  const { draft } = editing;
  const errorOf = (field: ClientProfileField) => state.fieldErrors[field];
  const describedBy = (field: ClientProfileField) => (errorOf(field) ? `${id}-${field}-error` : undefined);
  const fieldError = (field: ClientProfileField) =>
    errorOf(field) && (
      <p id={`${id}-${field}-error`} className="form-error">
        {errorOf(field)}
      </p>
    );
  const text = (field: 'name' | 'mobile' | 'email', label: string, type: string, autoComplete: string) => (
    <div className="form-field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type={type}
        value={draft[field]}
        autoComplete={autoComplete}
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={describedBy(field)}
        onChange={(event) => state.change({ [field]: event.target.value } as Partial<ClientProfileEdit>)}
      />
      {fieldError(field)}
    </div>
  );
  const channel = (field: 'emailNotifications' | 'smsNotifications', label: string) => {
    const kind = field === 'emailNotifications' ? 'email' : 'sms';
    // Offered only if the server can send it; one already on can still be switched off.
    const unavailable = !sendable[kind];
    const helpId = `${id}-${field}-unavailable`;
    const describedByIds = [describedBy(field), unavailable ? helpId : undefined].filter(Boolean).join(' ') || undefined;
    return (
      <div className="option-row">
        <input
          id={`${id}-${field}`}
          type="checkbox"
          checked={draft[field]}
          disabled={unavailable && !draft[field]}
          aria-invalid={errorOf(field) ? true : undefined}
          aria-describedby={describedByIds}
          onChange={(event) => state.change({ [field]: event.target.checked } as Partial<ClientProfileEdit>)}
        />
        <div>
          <label htmlFor={`${id}-${field}`} className="option-row__label">
            {label}
          </label>
          {unavailable && (
            <p id={helpId} className="option-row__help">
              {CHANNEL_UNAVAILABLE[kind]}
            </p>
          )}
          {fieldError(field)}
        </div>
      </div>
    );
  };

  return (
    <form
      className="client-profile__form"
      aria-label="Edit client profile"
      onSubmit={(event) => {
        event.preventDefault();
        void state.save();
      }}
    >
      {state.saveError && (
        <p className="form-error" role="alert">
          {state.saveError}
        </p>
      )}
      {text('name', 'Name', 'text', 'off')}
      {text('mobile', 'Mobile number', 'tel', 'off')}
      {text('email', 'Email', 'email', 'off')}
      <fieldset className="option-list">
        <legend className="option-list__legend">Notify the client by</legend>
        <div className="option-row">
          <input id={`${id}-in-app`} type="checkbox" checked disabled aria-describedby={`${id}-in-app-help`} />
          <div>
            <label htmlFor={`${id}-in-app`} className="option-row__label">
              In the app
            </label>
            <p id={`${id}-in-app-help`} className="option-row__help">
              Always on.
            </p>
          </div>
        </div>
        {channel('emailNotifications', 'Email')}
        {channel('smsNotifications', 'Text message')}
      </fieldset>
      <div className="client-profile__actions">
        <button type="button" className="secondary-button" onClick={state.cancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={state.saving}>
          {state.saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
