// "New conversation": pick a client of the workspace (by name, mobile or email), one of the
// member's locations and optionally one of the client's appointments there, write, send. The
// conversation then opens; if the client already had one at that location the message goes
// into it (the form says so beforehand).
import { useId, useState, type FormEvent } from 'react';
import type { FoundClient } from '../../shared/conversationStart';
import { MESSAGE_MAX_LENGTH } from '../../shared/domain';
import { useStaff } from '../session/StaffContext';
import { formatAppointmentTime } from '../ui/format';
import { useClientFinder } from './useClientFinder';
import { useNewConversation } from './useNewConversation';

interface NewConversationFormProps {
  /** Picked already (a client result of the inbox search). */
  initialClient: FoundClient | null;
  onStarted: (conversationId: number) => void;
  onCancel: () => void;
}

const contactOf = (found: FoundClient) => [found.mobile, found.email].filter((value) => value !== null).join(' · ');

function ClientPicker({ onPick }: { onPick: (client: FoundClient) => void }) {
  const [query, setQuery] = useState('');
  const finder = useClientFinder(query, true);
  const id = useId();
  const nothing = finder.clients !== null && finder.clients.length === 0;
  return (
    <div className="form-field">
      <label htmlFor={id}>Find a client</label>
      <input id={id} type="search" className="inbox-search" placeholder="Name, mobile number or email" value={query} autoFocus onChange={(event) => setQuery(event.target.value)} />
      <p className="inbox-list__note" role="status">
        {query.trim() !== '' && finder.searching ? 'Searching…' : nothing ? `No clients match “${query.trim()}”.` : ''}
      </p>
      {finder.error && (
        <p className="form-error" role="alert">
          {finder.error}
        </p>
      )}
      {finder.clients && finder.clients.length > 0 && (
        <ul className="inbox-list__items new-conversation__clients" aria-label="Clients">
          {finder.clients.map((found) => (
            <li key={found.client.id}>
              <button type="button" className="conversation-item" data-testid="client-option" onClick={() => onPick(found)}>
                <span className="conversation-item__name">{found.client.name}</span>
                <span className="conversation-item__context">{contactOf(found)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function NewConversationForm({ initialClient, onStarted, onCancel }: NewConversationFormProps) {
  const { session } = useStaff();
  const form = useNewConversation(initialClient, onStarted);
  const titleId = useId();
  const fieldId = useId();
  const option = form.locations?.find((location) => location.location.id === form.locationId) ?? null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.send();
  };

  return (
    <section className="conversation new-conversation" aria-labelledby={titleId}>
      <header className="conversation__header">
        <h2 id={titleId} className="conversation__title">
          New conversation
        </h2>
      </header>
      <form className="new-conversation__form" onSubmit={onSubmit}>
        {form.client ? (
          <div className="form-field">
            <p className="new-conversation__client">
              <strong>{form.client.client.name}</strong> {contactOf(form.client)}
            </p>
            <button type="button" className="secondary-button" onClick={() => form.pick(null)}>
              Change client
            </button>
          </div>
        ) : (
          <ClientPicker onPick={form.pick} />
        )}
        <div className="form-field">
          <label htmlFor={`${fieldId}-location`}>Location</label>
          <select id={`${fieldId}-location`} value={form.locationId ?? ''} onChange={(event) => form.setLocationId(Number(event.target.value))}>
            {form.locationId === null && <option value="">Choose a location</option>}
            {session.locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </select>
          {form.client && option && option.conversationId !== null && (
            <p className="new-conversation__note" role="status">
              {form.client.client.name} already has a conversation at {option.location.name}: your message is added to it.
            </p>
          )}
          {form.client && option && option.conversationId === null && option.appointments.length === 0 && (
            <p className="new-conversation__note" role="status">
              {form.client.client.name} has no appointment at {option.location.name}: their page lists this conversation under
              Messages from the salon.
            </p>
          )}
        </div>
        {option && option.appointments.length > 0 && (
          <div className="form-field">
            <label htmlFor={`${fieldId}-appointment`}>About an appointment (optional)</label>
            <select
              id={`${fieldId}-appointment`}
              value={form.appointmentId ?? ''}
              onChange={(event) => form.setAppointmentId(event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">No appointment</option>
              {option.appointments.map((appointment) => (
                <option key={appointment.id} value={appointment.id}>
                  {`${appointment.service} · ${formatAppointmentTime(appointment.startsAt)} (${appointment.status})`}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="form-field">
          <label htmlFor={`${fieldId}-text`}>Message</label>
          <textarea
            id={`${fieldId}-text`}
            className="composer__input"
            rows={4}
            maxLength={MESSAGE_MAX_LENGTH}
            value={form.text}
            onChange={(event) => form.setText(event.target.value)}
          />
        </div>
        {form.error && (
          <p className="form-error" role="alert">
            {form.error}
          </p>
        )}
        <div className="new-conversation__actions">
          <button type="button" className="secondary-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary-button" disabled={form.sending || form.client === null}>
            {form.sending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </section>
  );
}
