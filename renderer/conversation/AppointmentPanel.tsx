// Beside the chat: the client's appointments at this location, so the desk can answer
// "can I move my 3 o'clock?" without leaving the conversation.
import type { Appointment } from '../../shared/domain';
import { formatAppointmentTime } from '../ui/format';
import type { ConversationDetail } from './useConversationDetail';

const statusLabel: Record<Appointment['status'], string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

interface AppointmentPanelProps {
  detail: ConversationDetail | null;
  error: string | null;
}

export function AppointmentPanel({ detail, error }: AppointmentPanelProps) {
  const fromAppointmentId = detail?.conversation.appointment?.id;
  return (
    <aside className="context-panel" aria-labelledby="context-panel-title">
      <h2 id="context-panel-title" className="context-panel__title">
        Appointments
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!detail && !error && <p className="context-panel__note">Loading…</p>}
      {detail && (
        <>
          <p className="context-panel__client">
            {detail.client.name} at {detail.conversation.location.name}
          </p>
          {detail.appointments.length === 0 ? (
            <p className="context-panel__note">No appointments at this location.</p>
          ) : (
            <ul className="appointment-list">
              {detail.appointments.map((appointment) => (
                <li key={appointment.id} className="appointment-card">
                  <p className="appointment-card__service">{appointment.service}</p>
                  <p className="appointment-card__time">{formatAppointmentTime(appointment.startsAt)}</p>
                  {appointment.staffName && <p className="appointment-card__staff">with {appointment.staffName}</p>}
                  <p className="appointment-card__tags">
                    <span className={`status-tag status-tag--${appointment.status}`}>{statusLabel[appointment.status]}</span>
                    {appointment.id === fromAppointmentId && <span className="status-tag">Messaged from here</span>}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
