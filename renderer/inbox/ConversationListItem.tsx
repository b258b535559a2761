// One conversation in the list: client, location, the appointment it came from, the last
// message, who has it, its snooze or Done where the view mixes them, and the member's own
// unread count. A button, so it opens with Enter or Space; "Mark as unread" beside it (shown on
// hover or focus) and in its context menu (right click, or the menu key / Shift+F10).
import { memo, useCallback, useState } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import type { InboxView } from '../../shared/triageEvents';
import { describeMessageContent } from '../attachments/attachmentRules';
import { formatAppointmentTime, formatListTime } from '../ui/format';
import { ConversationMenu } from './ConversationMenu';
import { previewAuthor } from './listPreview';

interface ConversationListItemProps {
  conversation: ConversationSummary;
  selected: boolean;
  now: number;
  onSelect: (id: number) => void;
  /** The view shown: the snooze time shows in Snoozed and All, "Done" in All. */
  view?: InboxView;
  /** The signed-in member: a conversation assigned to them says "You". */
  memberId?: number;
  /** The IANA time zone of the conversation's location, in which its snooze time is read. */
  timeZone?: string;
  onMarkUnread?: (id: number) => void;
  /** Set by the virtualised list: measures the row and says where it is in the whole list. */
  rowRef?: (element: HTMLLIElement | null) => void;
  rowIndex?: number;
  setSize?: number;
  /** The list is one Tab stop: only this row's button is in the Tab order (roving tabindex). */
  tabStop?: boolean;
}

/** "MR" for Marcus Reid: the assignee's initials in a small circle. */
export const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

function TriageLine({ conversation, view, memberId, timeZone }: Pick<ConversationListItemProps, 'conversation' | 'view' | 'memberId' | 'timeZone'>) {
  const { assignee, status, snoozedUntil } = conversation;
  const showSnooze = status === 'snoozed' && snoozedUntil !== null && (view === 'snoozed' || view === 'all');
  const showDone = status === 'done' && view === 'all';
  if (!assignee && !showSnooze && !showDone) return null;
  const assigneeName = assignee && (assignee.id === memberId ? 'You' : firstName(assignee.name));
  return (
    <span className="conversation-item__triage">
      {assignee && (
        <span className="conversation-item__assignee" title={`Assigned to ${assignee.id === memberId ? 'you' : assignee.name}`}>
          <span className="conversation-item__avatar" aria-hidden="true">
            {initialsOf(assignee.name)}
          </span>
          <span className="visually-hidden">Assigned to </span>
          {assigneeName}
        </span>
      )}
      {showSnooze && <span className="conversation-item__status">Snoozed until {formatAppointmentTime(snoozedUntil, { timeZone })}</span>}
      {showDone && <span className="conversation-item__status">Done</span>}
    </span>
  );
}

/** Memoised: a scrolling list re-renders on every frame, but a row only when its data changes. */
export const ConversationListItem = memo(function ConversationListItem(props: ConversationListItemProps) {
  const { conversation, selected, now, onSelect, view, memberId, timeZone, onMarkUnread, rowRef, rowIndex, setSize, tabStop = true } = props;
  const { client, location, appointment, lastMessage, unreadCount } = conversation;
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  // An attachments-only message has no text: say how many files it brought instead.
  const preview = lastMessage
    ? `${previewAuthor(lastMessage, memberId)}${describeMessageContent(lastMessage.text, lastMessage.attachmentCount ?? 1)}`
    : 'No messages yet';
  const canMarkUnread = onMarkUnread !== undefined && unreadCount === 0 && lastMessage !== null;
  return (
    <li
      ref={rowRef}
      className="conversation-row"
      data-index={rowIndex}
      aria-setsize={setSize}
      aria-posinset={rowIndex === undefined ? undefined : rowIndex + 1}
      onContextMenu={(event) => {
        if (!canMarkUnread) return;
        event.preventDefault();
        setMenuOpen(true);
      }}
    >
      <button
        type="button"
        className={`conversation-item${unreadCount > 0 ? ' conversation-item--unread' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-testid="conversation-item"
        data-conversation-id={conversation.id}
        tabIndex={tabStop ? 0 : -1}
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
        <TriageLine conversation={conversation} view={view} memberId={memberId} timeZone={timeZone} />
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
      {canMarkUnread && (
        // Out of the Tab order, so the list stays one stop: the keyboard reaches it through the
        // row's context menu (the menu key or Shift+F10).
        <button type="button" className="conversation-row__mark-unread" title="Mark as unread" tabIndex={-1} onClick={() => onMarkUnread(conversation.id)}>
          <span aria-hidden="true" className="conversation-row__dot" />
          <span className="visually-hidden">Mark as unread</span>
        </button>
      )}
      {menuOpen && canMarkUnread && (
        <ConversationMenu
          label={`${client.name}: actions`}
          onClose={closeMenu}
          items={[{ label: 'Mark as unread', onSelect: () => onMarkUnread(conversation.id) }]}
        />
      )}
    </li>
  );
});
