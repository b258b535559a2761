// One message in a chat: a stored message (with Sent/Read on our own) or one of ours still
// on its way (Sending…, or Not sent with Retry and Discard).
import { memo } from 'react';
import type { Message } from '../../shared/domain';
import type { AppError } from '../../shared/result';
import { isConnectionError } from '../api/errors';
import { formatFileSize } from '../attachments/attachmentRules';
import { MessageAttachments } from '../attachments/MessageAttachments';
import { formatMessageTime } from '../ui/format';
import type { OutgoingMessage, TimelineNote } from './timeline';

/** Set by a virtualised list: measures the row and names its position. */
export interface RowProps {
  rowRef?: (element: HTMLLIElement | null) => void;
  rowIndex?: number;
  /** How many messages the list holds (for assistive technology, as rows are virtual). */
  setSize?: number;
}

/** How one of our messages went out on another channel (email, text), already worded. */
export interface ChannelStatus {
  channel: string;
  state: string;
  label: string;
  /** Offered for a failed one, to members who may send it again. */
  retry?: { label: string; pending: boolean; onRetry: () => void } | undefined;
}

interface StoredMessageProps extends RowProps {
  channels?: readonly ChannelStatus[] | undefined;
  message: Message;
  own: boolean;
  /** Show who wrote it (several team members answer the same client). */
  showAuthor: boolean;
  now: number;
  /** The search match the chat was opened at. */
  highlighted?: boolean;
}

/** Memoised: a scrolling history re-renders on every frame, but a message only when it changes. */
export const StoredMessageItem = memo(function StoredMessageItem({
  message,
  own,
  showAuthor,
  now,
  channels,
  rowRef,
  rowIndex,
  setSize,
  highlighted = false,
}: StoredMessageProps) {
  const delivery = message.readAt === null ? 'sent' : 'read';
  return (
    <li
      ref={rowRef}
      data-index={rowIndex}
      aria-setsize={setSize}
      aria-posinset={rowIndex === undefined ? undefined : rowIndex + 1}
      className={`message ${own ? 'message--own' : 'message--theirs'}${highlighted ? ' message--highlighted' : ''}`}
      data-testid="message"
      data-message-id={message.id}
      data-status={own ? delivery : undefined}
      data-highlighted={highlighted ? 'true' : undefined}
      aria-current={highlighted ? 'true' : undefined}
    >
      {highlighted && <span className="visually-hidden">Search match: </span>}
      {showAuthor && <p className="message__author">{message.author.name}</p>}
      {message.text && <p className="message__bubble">{message.text}</p>}
      <MessageAttachments attachments={message.attachments} />
      <p className="message__meta">
        {/* Sent by the server outside opening hours: staff see so (a client never gets the mark). */}
        {message.automatic && <span className="message__automatic">Automatic reply</span>}
        <time dateTime={new Date(message.createdAt).toISOString()}>{formatMessageTime(message.createdAt, now)}</time>
        {own && <span className="message__delivery">{delivery === 'read' ? 'Read' : 'Sent'}</span>}
        {channels?.map((status) => (
          <span
            key={status.channel}
            className={`message__channel message__channel--${status.state}`}
            data-testid="delivery"
            data-channel={status.channel}
            data-state={status.state}
          >
            {status.label}
            {status.retry && (
              <button
                type="button"
                className="message__channel-retry"
                disabled={status.retry.pending}
                onClick={status.retry.onRetry}
              >
                {status.retry.pending ? 'Retrying…' : status.retry.label}
              </button>
            )}
          </span>
        ))}
      </p>
    </li>
  );
});

/** A line that is not a message (a staff-only event): centred and quiet, apart from the bubbles. */
export const TimelineNoteItem = memo(function TimelineNoteItem({ note, now, rowRef, rowIndex, setSize }: RowProps & { note: TimelineNote; now: number }) {
  if (note.internal) return <InternalNoteCard note={note} internal={note.internal} now={now} rowRef={rowRef} rowIndex={rowIndex} setSize={setSize} />;
  return (
    <li
      ref={rowRef}
      data-index={rowIndex}
      aria-setsize={setSize}
      aria-posinset={rowIndex === undefined ? undefined : rowIndex + 1}
      className="timeline-note"
      data-testid="timeline-event"
    >
      <span className="timeline-note__text">{note.text}</span>
      <time className="timeline-note__time" dateTime={new Date(note.createdAt).toISOString()}>
        {formatMessageTime(note.createdAt, now)}
      </time>
    </li>
  );
});

/** A note a team member wrote: a card of its own colour, labelled, never mistaken for a reply. */
function InternalNoteCard({ note, internal, now, rowRef, rowIndex, setSize }: RowProps & { note: TimelineNote; internal: NonNullable<TimelineNote['internal']>; now: number }) {
  return (
    <li
      ref={rowRef}
      data-index={rowIndex}
      aria-setsize={setSize}
      aria-posinset={rowIndex === undefined ? undefined : rowIndex + 1}
      className={`internal-note internal-note--${internal.state}`}
      data-testid="internal-note"
    >
      <p className="internal-note__meta">
        <span className="internal-note__label">Note</span> <span className="internal-note__author">{internal.author}</span>
        <span className="visually-hidden"> (only the team sees this)</span>
      </p>
      <p className="internal-note__text">{note.text}</p>
      <p className="internal-note__status">
        {internal.state === 'stored' ? (
          <time dateTime={new Date(note.createdAt).toISOString()}>{formatMessageTime(note.createdAt, now)}</time>
        ) : internal.state === 'waiting' ? (
          'Waiting to be saved…'
        ) : (
          'Not saved. It was refused by the server.'
        )}
      </p>
    </li>
  );
}

interface OutgoingMessageProps extends RowProps {
  message: OutgoingMessage;
  /** Each page words errors for its own readers (team members or clients). */
  describeFailure: (error: AppError) => string;
  onRetry: (senderMessageId: string) => void;
  onDiscard: (senderMessageId: string) => void;
}

export function OutgoingMessageItem({ message, describeFailure, onRetry, onDiscard, rowRef, rowIndex, setSize }: OutgoingMessageProps) {
  const { error } = message;
  // A send that only lacked a connection goes again by itself on reconnect (useChat, the
  // outbox): it waits, with nothing to press. Retry and Discard are for refusals only.
  const state =
    message.status === 'sending' ? 'sending' : message.status === 'pending' || (error && isConnectionError(error)) ? 'waiting' : 'failed';
  return (
    <li
      ref={rowRef}
      data-index={rowIndex}
      aria-setsize={setSize}
      aria-posinset={rowIndex === undefined ? undefined : rowIndex + 1}
      className={`message message--own ${state === 'failed' ? 'message--failed' : 'message--pending'}`}
      data-testid="message"
      data-status={state}
    >
      {message.text && <p className="message__bubble">{message.text}</p>}
      {message.attachments.length > 0 && (
        // Names only until stored: the server serves the bytes once the message links them.
        <ul className="message-attachments" aria-label="Attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.id} className="message-attachment message-attachment--pending">
              <span className="message-attachment__name">{attachment.name}</span>
              <span className="message-attachment__size">{formatFileSize(attachment.size)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="message__meta">
        {state === 'sending' && <span className="message__delivery">Sending…</span>}
        {state === 'waiting' && <span className="message__delivery">Pending — will send automatically</span>}
        {state === 'failed' && (
          <span className="message__delivery message__delivery--failed">
            Not sent{error ? `: ${describeFailure(error)}` : ''}
          </span>
        )}
        {state === 'failed' && (
          <>
            <button type="button" className="link-button" onClick={() => onRetry(message.senderMessageId)}>
              Retry
            </button>
            <button type="button" className="link-button" onClick={() => onDiscard(message.senderMessageId)}>
              Discard
            </button>
          </>
        )}
      </p>
    </li>
  );
}
