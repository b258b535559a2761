// The client's appointments, each with a "Message <location>" button where messaging is
// offered or a conversation already exists.
import type { ClientAppointment, ClientConversation } from '../../shared/clientEvents';
import { formatAppointmentTime } from '../ui/format';
import { canOpenChat, unreadFor } from './clientOverview';

const statusLabel: Record<ClientAppointment['status'], string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

interface AppointmentListProps {
  appointments: ClientAppointment[];
  conversations: ClientConversation[];
  openAppointmentId: number | null;
  onOpenChat: (appointment: ClientAppointment) => void;
}

export function AppointmentList({ appointments, conversations, openAppointmentId, onOpenChat }: AppointmentListProps) {
  if (appointments.length === 0) return <p className="client-note">You have no appointments with us yet.</p>;
  return (
    <ul className="client-appointments__list">
      {appointments.map((appointment) => {
        const open = appointment.id === openAppointmentId;
        // The open chat is being read: its count is about to drop to zero.
        const unread = open ? 0 : unreadFor(appointment, conversations);
        return (
          <li
            key={appointment.id}
            className={`client-appointment${open ? ' client-appointment--open' : ''}`}
            data-testid="appointment"
          >
            <p className="client-appointment__service">{appointment.service}</p>
            <p className="client-appointment__meta">
              {appointment.location.name} · {formatAppointmentTime(appointment.startsAt)}
            </p>
            {appointment.staffName && <p className="client-appointment__meta">with {appointment.staffName}</p>}
            <div className="client-appointment__actions">
              <span className={`status-tag status-tag--${appointment.status}`}>{statusLabel[appointment.status]}</span>
              {canOpenChat(appointment) && (
                <>
                  {unread > 0 && (
                    <span className="count-badge">
                      {unread}
                      <span className="visually-hidden"> unread {unread === 1 ? 'reply' : 'replies'}</span>
                    </span>
                  )}
                  <button
                    type="button"
                    className={open ? 'primary-button' : 'secondary-button'}
                    aria-pressed={open}
                    onClick={() => onOpenChat(appointment)}
                  >
                    Message {appointment.location.name}
                  </button>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
