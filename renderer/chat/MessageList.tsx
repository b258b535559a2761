// A chat's message history, oldest at the top. Older pages load when the reader scrolls to
// the top, or with the button there (keyboard users, and screens where nothing scrolls yet).
import { useRef } from 'react';
import type { AppError } from '../../shared/result';
import { useNow } from '../ui/useNow';
import { OutgoingMessageItem, StoredMessageItem, type ChannelStatus } from './MessageItem';
import type { AuthorKind, TimelineState } from './timeline';
import { useChatScroll } from './useChatScroll';

interface MessageListProps {
  /** How our messages went out by email/text (staff side), as lines to show under them. */
  channelsOf?: (messageId: number) => readonly ChannelStatus[] | undefined;
  timeline: TimelineState;
  ownSide: AuthorKind;
  /** Our side has several writers (team members): name them on our messages. */
  nameOwnAuthors: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
  describeFailure: (error: AppError) => string;
  emptyText: string;
}

export function MessageList(props: MessageListProps) {
  const { timeline, ownSide, nameOwnAuthors, loadingOlder, onLoadOlder, onRetry, onDiscard, describeFailure, emptyText, channelsOf } =
    props;
  const scroller = useRef<HTMLDivElement>(null);
  const lastOutgoing = timeline.outgoing.at(-1);
  const lastStored = timeline.messages.at(-1);
  const onScroll = useChatScroll(scroller, {
    firstId: timeline.messages[0]?.id,
    lastKey: lastOutgoing?.clientMessageId ?? (lastStored ? String(lastStored.id) : undefined),
    lastIsOwn: lastOutgoing !== undefined || lastStored?.author.kind === ownSide,
    canLoadOlder: timeline.hasOlder && !loadingOlder,
    onReachTop: onLoadOlder,
  });
  const now = useNow();
  const isEmpty = timeline.loaded && timeline.messages.length === 0 && timeline.outgoing.length === 0;

  return (
    <div className="message-scroller" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label="Message history">
      {timeline.hasOlder && (
        <div className="message-scroller__older">
          <button type="button" className="secondary-button" onClick={onLoadOlder} disabled={loadingOlder}>
            {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
          </button>
        </div>
      )}
      {!timeline.loaded && <p className="message-scroller__note">Loading messages…</p>}
      {isEmpty && <p className="message-scroller__note">{emptyText}</p>}
      <ol className="message-list" aria-label="Messages">
        {timeline.messages.map((message) => {
          const own = message.author.kind === ownSide;
          return (
            <StoredMessageItem
              key={message.id}
              message={message}
              own={own}
              showAuthor={!own || nameOwnAuthors}
              now={now}
              channels={own ? channelsOf?.(message.id) : undefined}
            />
          );
        })}
        {timeline.outgoing.map((message) => (
          <OutgoingMessageItem
            key={message.clientMessageId}
            message={message}
            describeFailure={describeFailure}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
        ))}
      </ol>
    </div>
  );
}
