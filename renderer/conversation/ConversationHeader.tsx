// Who the conversation is with, where, and the appointment it started from.
import type { ConversationSummary } from '../../shared/domain';
import { formatAppointmentTime } from '../ui/format';

export function ConversationHeader({ conversation, titleId }: { conversation: ConversationSummary; titleId: string }) {
  const { client, location, appointment } = conversation;
  return (
    <header className="conversation__header">
      <h2 id={titleId} className="conversation__title">
        {client.name}
      </h2>
      <p className="conversation__context">
        {location.name}
        {appointment && (
          <>
            {' · '}From {appointment.service}, {formatAppointmentTime(appointment.startsAt)}
          </>
        )}
      </p>
    </header>
  );
}
