// The open conversation: header, history, typing indicator and the reply box, which is
// hidden for members who may read but not reply (R7). While messaging is off (R2) the whole
// inbox is hidden behind a notice instead; the composer stays mounted so a draft survives.
import { useCallback, useId } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import { can } from '../../shared/permissions';
import { Composer } from '../chat/Composer';
import { LiveAnnouncer } from '../chat/LiveAnnouncer';
import { MessageList } from '../chat/MessageList';
import { TypingIndicator } from '../chat/TypingIndicator';
import { describeError } from '../api/errors';
import { useOffline } from '../offline/OfflineContext';
import { useStaff } from '../session/StaffContext';
import { conversationAvailability, UNAVAILABLE_OFFLINE } from './conversationAvailability';
import { ConversationHeader } from './ConversationHeader';
import { deliveryLabel } from './deliveries';
import { useDeliveries } from './useDeliveries';
import { useStaffChat } from './useStaffChat';

interface ConversationViewProps {
  conversationId: number;
  conversation: ConversationSummary | null;
  /** False while the inbox is hidden: its messages are not being read. */
  visible: boolean;
}

export function ConversationView({ conversationId, conversation, visible }: ConversationViewProps) {
  const { session } = useStaff();
  const chat = useStaffChat(conversationId, visible);
  const titleId = useId();
  const canReply = can(session.grants, 'chats.reply');
  const { status } = useOffline();
  const availability = conversationAvailability(chat.timeline.loaded, status);
  const { byMessage: deliveries, retry, isRetrying, retryError } = useDeliveries(conversationId);
  const channelsOf = useCallback(
    (messageId: number) =>
      deliveries.get(messageId)?.map((delivery) => ({
        channel: delivery.channel,
        state: delivery.state,
        label: deliveryLabel(delivery),
        // Sending again is sending on the business's behalf: members who may reply.
        retry:
          canReply && delivery.state === 'failed'
            ? {
                label: `Retry ${delivery.channel === 'email' ? 'email' : 'text message'}`,
                pending: isRetrying(messageId, delivery.channel),
                onRetry: () => void retry(messageId, delivery.channel),
              }
            : undefined,
      })),
    [deliveries, canReply, isRetrying, retry],
  );

  return (
    <section className="conversation" aria-labelledby={titleId}>
      {conversation ? (
        <ConversationHeader conversation={conversation} titleId={titleId} />
      ) : (
        <header className="conversation__header">
          <h2 id={titleId} className="conversation__title">
            Conversation
          </h2>
        </header>
      )}
      {retryError && (
        <p className="notice notice--error" role="alert">
          {retryError}
        </p>
      )}
      {chat.loadError && (
        <p className="notice notice--error" role="alert">
          {describeError(chat.loadError)}
        </p>
      )}
      {availability === 'unavailable-offline' ? (
        <p className="notice notice--info conversation__unavailable" role="status" data-testid="conversation-unavailable">
          {UNAVAILABLE_OFFLINE}
        </p>
      ) : (
        <MessageList
          timeline={chat.timeline}
          ownSide="staff"
          nameOwnAuthors
          loadingOlder={chat.loadingOlder}
          onLoadOlder={() => void chat.loadOlder()}
          onRetry={chat.retry}
          onDiscard={chat.discard}
          describeFailure={describeError}
          emptyText="No messages in this conversation yet."
          channelsOf={channelsOf}
        />
      )}
      <LiveAnnouncer text={chat.announcement} />
      <TypingIndicator name={chat.typingName} />
      {!canReply ? (
        <p className="notice composer-note">You can read but not reply to client chats.</p>
      ) : availability === 'ready' ? (
        <Composer
          label="Reply"
          placeholder="Write a reply…"
          onSend={chat.send}
          onDraftChange={chat.onDraftChange}
          error={chat.sendError}
          describeFailure={describeError}
        />
      ) : null}
    </section>
  );
}
