// The client's chat with one location, opened from one of their appointments.
import { useEffect, useId } from 'react';
import type { ClientAppointment } from '../../shared/clientEvents';
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
  appointment: ClientAppointment;
  messagingOff: boolean;
  /** Whether the salon shows clients when their messages were read (R5). */
  readReceipts: boolean;
  /** The first message created the conversation: the page re-fetches to learn its id. */
  onConversationStarted: () => void;
}

export function ClientChat({ api, outbox, appointment, messagingOff, readReceipts, onConversationStarted }: ClientChatProps) {
  const titleId = useId();
  const locationName = appointment.location.name;
  const chat = useClientChat(api, outbox, {
    conversationId: appointment.conversationId,
    appointmentId: appointment.id,
    locationId: appointment.location.id,
    locationName,
    readReceipts,
  });
  const startedConversation = appointment.conversationId === null && chat.timeline.messages.length > 0;
  useEffect(() => {
    if (startedConversation) onConversationStarted();
  }, [startedConversation, onConversationStarted]);

  return (
    <section className="client-chat conversation" aria-labelledby={titleId}>
      <header className="conversation__header">
        <h2 id={titleId} className="conversation__title">
          {locationName}
        </h2>
        <p className="conversation__context">
          About your {appointment.service} on {formatAppointmentTime(appointment.startsAt)}
        </p>
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
        emptyText={`Ask ${locationName} anything about your appointment.`}
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
