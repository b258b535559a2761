// Search results in the inbox column: matching clients, then matching messages newest first.
// A client opens their conversation; a message opens its conversation at that message, with
// the matched words marked in its snippet. Only the result clicked shows as the open one. For
// members who may start conversations, clients found in the whole workspace follow the
// conversations: one without a conversation here opens the new-conversation form for them.
import type { ReactNode, Ref } from 'react';
import type { FoundClient } from '../../shared/conversationStart';
import type { ClientHit, MessageHit, SearchResult } from '../../shared/search';
import { formatListTime } from '../ui/format';
import { useNow } from '../ui/useNow';
import { highlightParts, searchSnippet, type SnippetPart } from './searchSnippet';

/** What a result opens: a conversation, at a message for a message match. `key` names the result. */
export type SearchTarget = { key: string; conversationId: number; messageId: number | null };

export const resultKey = {
  client: (hit: ClientHit) => `c${hit.conversationId}`,
  message: (hit: MessageHit) => `m${hit.messageId}`,
  directory: (found: FoundClient) => `d${found.client.id}`,
};

function Marked({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text));
}

/** Directory clients worth showing: those whose conversations here are not all listed already. */
export function directoryOnly(directory: readonly FoundClient[], hits: readonly ClientHit[]): FoundClient[] {
  const listed = new Set(hits.map((hit) => hit.conversationId));
  return directory.filter((found) => found.conversations.length === 0 || found.conversations.some((conversation) => !listed.has(conversation.conversationId)));
}

interface SearchBoxProps {
  query: string;
  onChange: (query: string) => void;
  /** Ctrl/Cmd+K focuses it. */
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ query, onChange, inputRef }: SearchBoxProps) {
  return (
    <input
      ref={inputRef}
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
  /** The key of the result that was opened (see resultKey). */
  selectedKey: string | null;
  onSelect: (target: SearchTarget) => void;
  onLoadOlder: () => void;
  /** Clients of the whole workspace (members who may start conversations); null otherwise. */
  directory?: readonly FoundClient[] | null;
  onStartConversation?: (client: FoundClient) => void;
}

function ResultButton({ target, selected, onSelect, children }: { target: SearchTarget; selected: boolean; onSelect: (target: SearchTarget) => void; children: ReactNode }) {
  return (
    <li>
      <button
        type="button"
        className="conversation-item"
        data-testid="search-result"
        data-conversation-id={target.conversationId}
        data-message-id={target.messageId ?? undefined}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(target)}
      >
        {children}
      </button>
    </li>
  );
}

export function SearchResults(props: SearchResultsProps) {
  const { query, result, searching, error, selectedKey, onSelect, onLoadOlder, directory, onStartConversation } = props;
  const now = useNow();
  const others = result && directory ? directoryOnly(directory, result.clients) : [];
  const nothing = result !== null && result.clients.length === 0 && result.messages.length === 0 && others.length === 0;
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
      {result && result.clients.length + others.length > 0 && (
        <ul className="inbox-list__items" aria-label="Matching clients">
          {result.clients.map((hit) => (
            <ResultButton
              key={resultKey.client(hit)}
              target={{ key: resultKey.client(hit), conversationId: hit.conversationId, messageId: null }}
              selected={resultKey.client(hit) === selectedKey}
              onSelect={onSelect}
            >
              <span className="conversation-item__top">
                <span className="conversation-item__name">
                  <Marked parts={highlightParts(hit.client.name, query)} />
                </span>
                <span className="conversation-item__time">{formatListTime(hit.lastActivityAt, now)}</span>
              </span>
              <span className="conversation-item__context">{hit.location.name}</span>
            </ResultButton>
          ))}
          {others.map((found) => (
            <DirectoryResult
              key={resultKey.directory(found)}
              found={found}
              query={query}
              selected={resultKey.directory(found) === selectedKey}
              onSelect={onSelect}
              onStartConversation={onStartConversation}
            />
          ))}
        </ul>
      )}
      {result && result.messages.length > 0 && (
        <ul className="inbox-list__items" aria-label="Matching messages">
          {result.messages.map((hit) => (
            <ResultButton
              key={resultKey.message(hit)}
              target={{ key: resultKey.message(hit), conversationId: hit.conversationId, messageId: hit.messageId }}
              selected={resultKey.message(hit) === selectedKey}
              onSelect={onSelect}
            >
              <span className="conversation-item__top">
                <span className="conversation-item__name">{hit.client.name}</span>
                <time className="conversation-item__time" dateTime={new Date(hit.createdAt).toISOString()}>
                  {formatListTime(hit.createdAt, now)}
                </time>
              </span>
              <span className="conversation-item__context">{hit.location.name}</span>
              <span className="conversation-item__preview">
                {hit.authorKind === 'staff' ? 'You: ' : ''}
                <Marked parts={searchSnippet(hit.text, query)} />
              </span>
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

/** A client found in the whole workspace: opens their conversation here, or starts one. */
function DirectoryResult(props: {
  found: FoundClient;
  query: string;
  selected: boolean;
  onSelect: (target: SearchTarget) => void;
  onStartConversation: ((client: FoundClient) => void) | undefined;
}) {
  const { found, query, selected, onSelect, onStartConversation } = props;
  const existing = found.conversations[0];
  const contact = [found.mobile, found.email].filter((value) => value !== null).join(' · ');
  return (
    <li>
      <button
        type="button"
        className="conversation-item"
        data-testid="client-result"
        data-client-id={found.client.id}
        aria-current={selected ? 'true' : undefined}
        onClick={() =>
          existing
            ? onSelect({ key: resultKey.directory(found), conversationId: existing.conversationId, messageId: null })
            : onStartConversation?.(found)
        }
      >
        <span className="conversation-item__top">
          <span className="conversation-item__name">
            <Marked parts={highlightParts(found.client.name, query)} />
          </span>
          <span className="conversation-item__time">{existing ? existing.location.name : 'New conversation'}</span>
        </span>
        {contact && (
          <span className="conversation-item__context">
            <Marked parts={highlightParts(contact, query)} />
          </span>
        )}
      </button>
    </li>
  );
}
