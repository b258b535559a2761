// Search results in the inbox column: matching clients, then matching messages newest first;
// each opens its conversation.
import type { ReactNode } from 'react';
import type { ClientHit, MessageHit, SearchResult } from '../../shared/search';
import { formatListTime } from '../ui/format';
import { useNow } from '../ui/useNow';

interface SearchBoxProps {
  query: string;
  onChange: (query: string) => void;
}

export function SearchBox({ query, onChange }: SearchBoxProps) {
  return (
    <input
      type="search"
      className="inbox-search"
      aria-label="Search messages and clients"
      placeholder="Search messages and clients"
      value={query}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onChange('');
      }}
    />
  );
}

interface SearchResultsProps {
  query: string;
  result: SearchResult | null;
  searching: boolean;
  error: string | null;
  selectedId: number | null;
  onSelect: (conversationId: number) => void;
  onLoadOlder: () => void;
}

function ResultButton({ hit, selected, onSelect, children }: { hit: ClientHit | MessageHit; selected: boolean; onSelect: (id: number) => void; children: ReactNode }) {
  return (
    <li>
      <button
        type="button"
        className="conversation-item"
        data-testid="search-result"
        data-conversation-id={hit.conversationId}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(hit.conversationId)}
      >
        {children}
      </button>
    </li>
  );
}

export function SearchResults({ query, result, searching, error, selectedId, onSelect, onLoadOlder }: SearchResultsProps) {
  const now = useNow();
  const nothing = result !== null && result.clients.length === 0 && result.messages.length === 0;
  return (
    <div className="inbox-search-results">
      <p className="inbox-list__note" role="status">
        {searching ? 'Searching…' : nothing ? `No matches for “${query.trim()}”.` : ''}
      </p>
      {error && (
        <p className="form-error inbox-list__note" role="alert">
          {error}
        </p>
      )}
      {result?.olderMessagesIndexing && (
        <p className="inbox-list__note">Older messages are still being added to search, so some older matches may be missing. Try again in a minute.</p>
      )}
      {result && result.clients.length > 0 && (
        <ul className="inbox-list__items" aria-label="Matching clients">
          {result.clients.map((hit) => (
            <ResultButton key={`c${hit.conversationId}`} hit={hit} selected={hit.conversationId === selectedId} onSelect={onSelect}>
              <span className="conversation-item__top">
                <span className="conversation-item__name">{hit.client.name}</span>
                <span className="conversation-item__time">{formatListTime(hit.lastActivityAt, now)}</span>
              </span>
              <span className="conversation-item__context">{hit.location.name}</span>
            </ResultButton>
          ))}
        </ul>
      )}
      {result && result.messages.length > 0 && (
        <ul className="inbox-list__items" aria-label="Matching messages">
          {result.messages.map((hit) => (
            <ResultButton key={`m${hit.messageId}`} hit={hit} selected={hit.conversationId === selectedId} onSelect={onSelect}>
              <span className="conversation-item__top">
                <span className="conversation-item__name">{hit.client.name}</span>
                <time className="conversation-item__time" dateTime={new Date(hit.createdAt).toISOString()}>
                  {formatListTime(hit.createdAt, now)}
                </time>
              </span>
              <span className="conversation-item__context">{hit.location.name}</span>
              <span className="conversation-item__preview">{`${hit.authorKind === 'staff' ? 'You: ' : ''}${hit.text}`}</span>
            </ResultButton>
          ))}
        </ul>
      )}
      {result && result.nextBeforeMessageId !== null && (
        <div className="inbox-list__more">
          <button type="button" className="secondary-button" onClick={onLoadOlder} disabled={searching}>
            {searching ? 'Loading…' : 'Older matches'}
          </button>
        </div>
      )}
    </div>
  );
}
