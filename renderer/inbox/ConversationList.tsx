// The inbox column: conversations, newest activity first, with more loaded as it scrolls.
// Virtualised, so 10k loaded conversations keep only a screenful of rows in the DOM. The list is
// one Tab stop (a roving tabindex): the arrow keys and Home/End move between conversations,
// scrolling rows into the DOM as they go, and Enter opens one.
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { shortcutFor, type ShortcutAction } from '../keyboard/shortcuts';
import type { ConversationSummary } from '../../shared/domain';
import type { InboxView } from '../../shared/triageEvents';
import { useLoadWhenVisible } from '../ui/useLoadWhenVisible';
import { useNow } from '../ui/useNow';
import { useVirtualRows } from '../ui/useVirtualRows';
import { ConversationListItem } from './ConversationListItem';

const ROW_ESTIMATE_PX = 84;
const FOCUS_ATTEMPTS = 10;

interface ConversationListProps {
  conversations: ConversationSummary[];
  loaded: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onLoadMore: () => void;
  /** Shown under the heading (the search box). */
  toolbar?: ReactNode;
  /** Shown instead of the conversations while set (search results). */
  replacement?: ReactNode;
  /** The view chooser, under the toolbar (hidden while `replacement` is shown). */
  views?: ReactNode;
  /** The view shown, what to say when it is empty, and what its rows need. */
  view?: InboxView;
  emptyText?: string;
  memberId?: number;
  timeZoneOf?: (locationId: number) => string | undefined;
  onMarkUnread?: (id: number) => void;
}

/** The index a list shortcut moves to from `index`, or null for other keys. */
function targetIndex(action: ShortcutAction | null, index: number, count: number): number | null {
  if (action === 'listNext') return Math.min(count - 1, index + 1);
  if (action === 'listPrevious') return Math.max(0, index - 1);
  if (action === 'listFirst') return 0;
  if (action === 'listLast') return count - 1;
  return null;
}

/** The row that holds the list's one Tab stop: the one last focused, else the open conversation,
 * else the first; when that row is scrolled out of the DOM, the first row on screen. */
function tabStopIndex(focusedId: number | null, selectedId: number | null, conversations: ConversationSummary[], rendered: number[]): number | undefined {
  const wanted = [focusedId, selectedId]
    .map((id) => (id === null ? -1 : conversations.findIndex((conversation) => conversation.id === id)))
    .find((index) => index !== -1);
  return wanted !== undefined && rendered.includes(wanted) ? wanted : rendered[0];
}

/** The target row may not be in the DOM yet: focus it once the list has rendered it. */
function focusRowWhenRendered(scroller: HTMLElement, index: number, attempt = 0): void {
  const button = scroller.querySelector<HTMLButtonElement>(`li[data-index="${index}"] button`);
  if (button) button.focus();
  else if (attempt < FOCUS_ATTEMPTS) requestAnimationFrame(() => focusRowWhenRendered(scroller, index, attempt + 1));
}

export function ConversationList(props: ConversationListProps) {
  const { conversations, loaded, hasMore, loadingMore, error, selectedId, onSelect, onLoadMore, toolbar, replacement } = props;
  const { views, view, emptyText, memberId, timeZoneOf, onMarkUnread } = props;
  const loadMoreButton = useRef<HTMLButtonElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  useLoadWhenVisible(loadMoreButton, hasMore && !loadingMore && replacement === undefined, onLoadMore);
  const getKey = useCallback((index: number) => conversations[index]!.id, [conversations]);
  const rows = useVirtualRows({ count: conversations.length, scroller, estimateSize: ROW_ESTIMATE_PX, getKey });
  const { virtualizer } = rows;
  // Kept by id: rows move as conversations get new messages.
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const tabStop = tabStopIndex(focusedId, selectedId, conversations, rows.indexes);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest('li[data-index]');
    if (!row) return;
    const next = targetIndex(shortcutFor(event, 'list'), Number(row.getAttribute('data-index')), conversations.length);
    if (next === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (scroller.current) focusRowWhenRendered(scroller.current, next);
  };

  return (
    <section className="inbox-list" aria-labelledby="inbox-list-title">
      <header className="inbox-list__header">
        <h1 id="inbox-list-title" className="inbox-list__title">
          Messages
        </h1>
        {toolbar}
        {replacement === undefined && views}
      </header>
      {replacement && <div className="inbox-list__scroller">{replacement}</div>}
      <div className="inbox-list__scroller" ref={scroller} hidden={replacement !== undefined}>
        {!loaded && !error && <p className="inbox-list__note">Loading conversations…</p>}
        {loaded && conversations.length === 0 && (
          <p className="inbox-list__note">{emptyText ?? 'No conversations yet. Client messages will appear here.'}</p>
        )}
        {/* One row's button is the Tab stop; arrow keys move between them. */}
        <ul
          className="inbox-list__items"
          aria-label="Conversations"
          style={rows.listStyle}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            const id = (event.target as HTMLElement).closest('[data-conversation-id]')?.getAttribute('data-conversation-id');
            if (id) setFocusedId(Number(id));
          }}
        >
          {rows.indexes.map((index) => {
            const conversation = conversations[index]!;
            return (
              <ConversationListItem
                key={conversation.id}
                conversation={conversation}
                selected={conversation.id === selectedId}
                now={now}
                onSelect={onSelect}
                view={view}
                memberId={memberId}
                timeZone={timeZoneOf?.(conversation.location.id)}
                onMarkUnread={onMarkUnread}
                rowRef={rows.measureRow}
                rowIndex={index}
                setSize={conversations.length}
                tabStop={index === tabStop}
              />
            );
          })}
        </ul>
        {error && (
          <p className="form-error inbox-list__note" role="alert">
            {error}
          </p>
        )}
        {hasMore && (
          <div className="inbox-list__more">
            <button ref={loadMoreButton} type="button" className="secondary-button" onClick={onLoadMore} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more conversations'}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
