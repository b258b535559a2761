// Who the conversation is with, where, and the appointment it started from; below, what the
// page puts there (its status, snooze and assignee with their actions).
import type { ReactNode } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import { formatAppointmentTime } from '../ui/format';

interface ConversationHeaderProps {
  conversation: ConversationSummary;
  titleId: string;
  children?: ReactNode;
}

export function ConversationHeader({ conversation, titleId, children }: ConversationHeaderProps) {
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
      {children}
    </header>
  );
}
