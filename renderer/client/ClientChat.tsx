// The client's chat with one location, opened from one of their appointments or, for a
// conversation the salon started where the client has no appointment, on its own.
import { useEffect, useId } from 'react';
import type { ClientAppointment, ClientConversation } from '../../shared/clientEvents';
import { Composer } from '../chat/Composer';
import { LiveAnnouncer } from '../chat/LiveAnnouncer';
import { MessageList } from '../chat/MessageList';
import { TypingIndicator } from '../chat/TypingIndicator';
import { formatAppointmentTime } from '../ui/format';
import type { ClientApi } from './clientApi';
import type { ClientOutbox } from '../sending/clientOutbox';
import { describeClientError } from './clientErrors';
import { useClientChat } from './useClientChat';

interface ClientChatProps {
  api: ClientApi;
  outbox: ClientOutbox;
  /** What the chat is about: an appointment, or a conversation with none at its location. */
  subject: { appointment: ClientAppointment } | { conversation: ClientConversation };
  messagingOff: boolean;
  /** Whether the salon shows clients when their messages were read (R5). */
  readReceipts: boolean;
  /** The first message created the conversation: the page re-fetches to learn its id. */
  onConversationStarted: () => void;
}

export function ClientChat({ api, outbox, subject, messagingOff, readReceipts, onConversationStarted }: ClientChatProps) {
  const titleId = useId();
  const appointment = 'appointment' in subject ? subject.appointment : null;
  const location = appointment ? appointment.location : (subject as { conversation: ClientConversation }).conversation.location;
  const conversationId = appointment ? appointment.conversationId : (subject as { conversation: ClientConversation }).conversation.id;
  const locationName = location.name;
  const chat = useClientChat(api, outbox, {
    conversationId,
    appointmentId: appointment?.id ?? null,
    locationId: location.id,
    locationName,
    readReceipts,
  });
  const startedConversation = conversationId === null && chat.timeline.messages.length > 0;
  useEffect(() => {
    if (startedConversation) onConversationStarted();
  }, [startedConversation, onConversationStarted]);

  return (
    <section className="client-chat conversation" aria-labelledby={titleId}>
      <header className="conversation__header">
        <h2 id={titleId} className="conversation__title">
          {locationName}
        </h2>
        {appointment && (
          <p className="conversation__context">
            About your {appointment.service} on {formatAppointmentTime(appointment.startsAt)}
          </p>
        )}
      </header>
      {chat.loadError && (
        <p className="notice notice--error" role="alert">
          {describeClientError(chat.loadError)}
        </p>
      )}
      <MessageList
        timeline={chat.timeline}
        ownSide="client"
        nameOwnAuthors={false}
        loadingOlder={chat.loadingOlder}
        onLoadOlder={() => void chat.loadOlder()}
        onRetry={chat.retry}
        onDiscard={chat.discard}
        describeFailure={describeClientError}
        emptyText={appointment ? `Ask ${locationName} anything about your appointment.` : `No messages from ${locationName} yet.`}
      />
      <LiveAnnouncer text={chat.announcement} />
      <TypingIndicator name={chat.typingName} />
      {messagingOff ? (
        <p className="notice notice--warning composer-note" role="status">
          This salon isn't taking messages right now.
        </p>
      ) : (
        <Composer
          label="Message"
          placeholder={`Write to ${locationName}…`}
          onSend={chat.send}
          onDraftChange={chat.onDraftChange}
          error={chat.sendError}
          describeFailure={describeClientError}
        />
      )}
    </section>
  );
}
