// A chat's message history, oldest at the top. Older pages load when the reader scrolls to
// the top, or with the button there (keyboard users, and screens where nothing scrolls yet).
// Virtualised: a 20k-message history keeps only the messages near the viewport in the DOM.
// The staff side also passes notes (staff-only events), shown between messages by time.
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { AppError } from '../../shared/result';
import { useNow } from '../ui/useNow';
import { useVirtualRows } from '../ui/useVirtualRows';
import { OutgoingMessageItem, StoredMessageItem, TimelineNoteItem, type ChannelStatus } from './MessageItem';
import { mergeTimelineRows, type AuthorKind, type ShownTimeline, type TimelineNote } from './timeline';
import { useChatScroll } from './useChatScroll';

// Matches .message-list's CSS gap.
const MESSAGE_GAP_PX = 10;
const MESSAGE_ESTIMATE_PX = 72;

interface MessageListProps {
  /** How our messages went out by email/text (staff side), as lines to show under them. */
  channelsOf?: (messageId: number) => readonly ChannelStatus[] | undefined;
  timeline: ShownTimeline;
  ownSide: AuthorKind;
  /** Our side has several writers (team members): name them on our messages. */
  nameOwnAuthors: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (senderMessageId: string) => void;
  onDiscard: (senderMessageId: string) => void;
  describeFailure: (error: AppError) => string;
  emptyText: string;
  /** Lines that are not messages, merged in by time (never given on the client page). */
  notes?: readonly TimelineNote[];
  /** A message to bring into view and mark (a search match the chat was opened at). */
  highlightId?: number | null;
  loadingNewer?: boolean;
  onLoadNewer?: () => void;
}

const NO_NOTES: readonly TimelineNote[] = [];

export function MessageList(props: MessageListProps) {
  const { timeline, ownSide, nameOwnAuthors, loadingOlder, onLoadOlder, onRetry, onDiscard, describeFailure, emptyText, channelsOf } =
    props;
  const notes = props.notes ?? NO_NOTES;
  const { highlightId = null, loadingNewer = false, onLoadNewer } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const { messages, outgoing } = timeline;
  const stored = useMemo(() => mergeTimelineRows(messages, notes, timeline.hasOlder), [messages, notes, timeline.hasOlder]);
  const lastOutgoing = outgoing.at(-1);
  const lastStored = stored.at(-1);
  const { onScroll, keepAtBottom, holdPosition } = useChatScroll(scroller, {
    firstId: messages[0]?.id,
    lastKey:
      lastOutgoing?.senderMessageId ??
      (lastStored ? (lastStored.kind === 'message' ? String(lastStored.message.id) : lastStored.note.key) : undefined),
    lastIsOwn: lastOutgoing !== undefined || (lastStored?.kind === 'message' && lastStored.message.author.kind === ownSide),
    canLoadOlder: timeline.hasOlder && !loadingOlder,
    onReachTop: onLoadOlder,
    hasNewer: timeline.hasNewer && !loadingNewer,
    onReachBottom: onLoadNewer,
  });
  // Once the highlighted message is in the list, bring it to the middle of the view, once.
  const broughtIntoView = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (highlightId === null || broughtIntoView.current === highlightId) return;
    const row = scroller.current?.querySelector(`[data-message-id="${highlightId}"]`);
    if (!row) return;
    broughtIntoView.current = highlightId;
    holdPosition();
    row.scrollIntoView({ block: 'center' });
  }, [highlightId, messages, holdPosition]);
  const getKey = useCallback(
    (index: number) => {
      const row = stored[index];
      if (!row) return `o${outgoing[index - stored.length]!.senderMessageId}`;
      return row.kind === 'message' ? `m${row.message.id}` : `n${row.note.key}`;
    },
    [stored, outgoing],
  );
  const count = stored.length + outgoing.length;
  const rows = useVirtualRows({
    count,
    scroller,
    estimateSize: MESSAGE_ESTIMATE_PX,
    gap: MESSAGE_GAP_PX,
    getKey,
    onChange: (scrolling) => {
      if (!scrolling) keepAtBottom();
    },
  });
  const now = useNow();
  const isEmpty = timeline.loaded && messages.length === 0 && outgoing.length === 0;

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
      <ol className="message-list" aria-label="Messages" style={rows.listStyle}>
        {rows.indexes.map((index) => {
          const row = stored[index];
          if (row?.kind === 'note') {
            return <TimelineNoteItem key={row.note.key} note={row.note} now={now} rowRef={rows.measureRow} rowIndex={index} setSize={count} />;
          }
          const message = row?.message;
          if (message) {
            const own = message.author.kind === ownSide;
            return (
              <StoredMessageItem
                key={message.id}
                message={message}
                own={own}
                showAuthor={!own || nameOwnAuthors}
                now={now}
                channels={own ? channelsOf?.(message.id) : undefined}
                highlighted={message.id === highlightId}
                rowRef={rows.measureRow}
                rowIndex={index}
                setSize={count}
              />
            );
          }
          const pending = outgoing[index - stored.length]!;
          return (
            <OutgoingMessageItem
              key={pending.senderMessageId}
              message={pending}
              describeFailure={describeFailure}
              onRetry={onRetry}
              onDiscard={onDiscard}
              rowRef={rows.measureRow}
              rowIndex={index}
              setSize={count}
            />
          );
        })}
      </ol>
      {timeline.hasNewer && onLoadNewer && (
        <div className="message-scroller__older">
          <button type="button" className="secondary-button" onClick={onLoadNewer} disabled={loadingNewer}>
            {loadingNewer ? 'Loading newer messages…' : 'Load newer messages'}
          </button>
        </div>
      )}
    </div>
  );
}
