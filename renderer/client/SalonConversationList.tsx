// Conversations the salon started at a location where the client has no appointment: each
// opens on its own, since no appointment in the list leads to it.
import type { ClientConversation } from '../../shared/clientEvents';

interface SalonConversationListProps {
  conversations: ClientConversation[];
  openConversationId: number | null;
  onOpen: (conversationId: number) => void;
}

export function SalonConversationList({ conversations, openConversationId, onOpen }: SalonConversationListProps) {
  if (conversations.length === 0) return null;
  return (
    <section aria-labelledby="salon-conversations-title" className="client-salon-conversations">
      <h2 id="salon-conversations-title" className="client-appointments__title">
        Messages from the salon
      </h2>
      <ul className="client-appointments__list">
        {conversations.map((conversation) => {
          const open = conversation.id === openConversationId;
          // The open chat is being read: its count is about to drop to zero.
          const unread = open ? 0 : conversation.unreadCount;
          return (
            <li key={conversation.id} className={`client-appointment${open ? ' client-appointment--open' : ''}`} data-testid="salon-conversation">
              <p className="client-appointment__service">{conversation.location.name}</p>
              <div className="client-appointment__actions">
                {unread > 0 && (
                  <span className="count-badge">
                    {unread}
                    <span className="visually-hidden"> unread {unread === 1 ? 'message' : 'messages'}</span>
                  </span>
                )}
                <button type="button" className={open ? 'primary-button' : 'secondary-button'} aria-pressed={open} onClick={() => onOpen(conversation.id)}>
                  Messages from {conversation.location.name}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
