// The inbox column: conversations, newest activity first, with more loaded as it scrolls.
import { useRef } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import { useLoadWhenVisible } from '../ui/useLoadWhenVisible';
import { useNow } from '../ui/useNow';
import { ConversationListItem } from './ConversationListItem';

interface ConversationListProps {
  conversations: ConversationSummary[];
  loaded: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onLoadMore: () => void;
}

export function ConversationList(props: ConversationListProps) {
  const { conversations, loaded, hasMore, loadingMore, error, selectedId, onSelect, onLoadMore } = props;
  const loadMoreButton = useRef<HTMLButtonElement>(null);
  const now = useNow();
  useLoadWhenVisible(loadMoreButton, hasMore && !loadingMore, onLoadMore);

  return (
    <section className="inbox-list" aria-labelledby="inbox-list-title">
      <header className="inbox-list__header">
        <h1 id="inbox-list-title" className="inbox-list__title">
          Messages
        </h1>
      </header>
      <div className="inbox-list__scroller">
        {!loaded && !error && <p className="inbox-list__note">Loading conversations…</p>}
        {loaded && conversations.length === 0 && (
          <p className="inbox-list__note">No conversations yet. Client messages will appear here.</p>
        )}
        <ul className="inbox-list__items" aria-label="Conversations">
          {conversations.map((conversation) => (
            <ConversationListItem
              key={conversation.id}
              conversation={conversation}
              selected={conversation.id === selectedId}
              now={now}
              onSelect={onSelect}
            />
          ))}
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
