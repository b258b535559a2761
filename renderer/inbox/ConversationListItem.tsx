// One conversation in the list: client, location, the appointment it came from, the last
// message and the unread count. A button, so it opens with Enter or Space.
import { memo } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import { describeMessageContent } from '../attachments/attachmentRules';
import { formatAppointmentTime, formatListTime } from '../ui/format';

interface ConversationListItemProps {
  conversation: ConversationSummary;
  selected: boolean;
  now: number;
  onSelect: (id: number) => void;
  /** Set by the virtualised list: measures the row and says where it is in the whole list. */
  rowRef?: (element: HTMLLIElement | null) => void;
  rowIndex?: number;
  setSize?: number;
}

/** Memoised: a scrolling list re-renders on every frame, but a row only when its data changes. */
export const ConversationListItem = memo(function ConversationListItem({ conversation, selected, now, onSelect, rowRef, rowIndex, setSize }: ConversationListItemProps) {
  const { client, location, appointment, lastMessage, unreadCount } = conversation;
  // An attachments-only message has no text: say how many files it brought instead.
  const preview = lastMessage
    ? `${lastMessage.authorKind === 'staff' ? 'You: ' : ''}${describeMessageContent(lastMessage.text, lastMessage.attachmentCount ?? 1)}`
    : 'No messages yet';
  return (
    <li
      ref={rowRef}
      data-index={rowIndex}
      aria-setsize={setSize}
      aria-posinset={rowIndex === undefined ? undefined : rowIndex + 1}
    >
      <button
        type="button"
        className={`conversation-item${unreadCount > 0 ? ' conversation-item--unread' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-testid="conversation-item"
        data-conversation-id={conversation.id}
        onClick={() => onSelect(conversation.id)}
      >
        <span className="conversation-item__top">
          <span className="conversation-item__name">{client.name}</span>
          <time className="conversation-item__time" dateTime={new Date(conversation.lastActivityAt).toISOString()}>
            {formatListTime(conversation.lastActivityAt, now)}
          </time>
        </span>
        <span className="conversation-item__context">
          {location.name}
          {appointment && ` · ${appointment.service}, ${formatAppointmentTime(appointment.startsAt)}`}
        </span>
        <span className="conversation-item__bottom">
          <span className="conversation-item__preview">{preview}</span>
          {unreadCount > 0 && (
            <span className="count-badge">
              {unreadCount}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </span>
      </button>
    </li>
  );
});
