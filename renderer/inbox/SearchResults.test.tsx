// What the search results say about the search itself: no matches, and an index that is still
// filling in older messages (after an upgrade or a restore).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/search';
import { directoryOnly, SearchResults } from './SearchResults';

const render = (result: SearchResult) =>
  renderToStaticMarkup(
    createElement(SearchResults, { query: 'toner', result, searching: false, error: null, selectedKey: null, onSelect: () => {}, onLoadOlder: () => {} }),
  );
const empty: SearchResult = { clients: [], messages: [], nextBeforeMessageId: null, olderMessagesIndexing: false };

describe('SearchResults', () => {
  it('says when older messages are still being added to search', () => {
    expect(render({ ...empty, olderMessagesIndexing: true })).toContain('Older messages are still being added to search');
    expect(render(empty)).not.toContain('still being added');
    expect(render(empty)).toContain('No matches for “toner”.');
  });
});

const location = { id: 1, name: 'Lumen Soho' };
const client = { id: 5, name: 'Ava Thompson' };
const hit = (messageId: number, text: string) => ({ messageId, conversationId: 9, client, location, authorKind: 'client' as const, text, createdAt: 0 });
const found = (id: number, conversations: { conversationId: number; location: typeof location }[]) => ({
  client: { id, name: `Client ${id}` },
  mobile: null,
  email: `client${id}@example.com`,
  conversations,
});

describe('SearchResults of messages', () => {
  const result: SearchResult = { ...empty, messages: [hit(2, 'Any toner left?'), hit(1, 'The toner was great')] };

  it('shows only the opened result as open, not every result of its conversation', () => {
    const html = renderToStaticMarkup(
      createElement(SearchResults, { query: 'toner', result, searching: false, error: null, selectedKey: 'm1', onSelect: () => {}, onLoadOlder: () => {} }),
    );
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(html).toMatch(/data-message-id="1" aria-current="true"/);
  });

  it('marks the matched words in each snippet', () => {
    expect(render(result)).toContain('Any <mark>toner</mark> left?');
  });
});

describe('directoryOnly', () => {
  it('keeps clients without a conversation here, or with one the conversation matches do not list', () => {
    const hits = [{ conversationId: 3, client, location, lastActivityAt: 0, unreadCount: 0 }];
    const listed = found(1, [{ conversationId: 3, location }]);
    const unlisted = found(2, [{ conversationId: 4, location }]);
    const none = found(3, []);
    expect(directoryOnly([listed, unlisted, none], hits)).toEqual([unlisted, none]);
  });
});
