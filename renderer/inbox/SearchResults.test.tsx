// What the search results say about the search itself: no matches, and an index that is still
// filling in older messages (after an upgrade or a restore).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/search';
import { SearchResults } from './SearchResults';

const render = (result: SearchResult) =>
  renderToStaticMarkup(
    createElement(SearchResults, { query: 'toner', result, searching: false, error: null, selectedId: null, onSelect: () => {}, onLoadOlder: () => {} }),
  );
const empty: SearchResult = { clients: [], messages: [], nextBeforeMessageId: null, olderMessagesIndexing: false };

describe('SearchResults', () => {
  it('says when older messages are still being added to search', () => {
    expect(render({ ...empty, olderMessagesIndexing: true })).toContain('Older messages are still being added to search');
    expect(render(empty)).not.toContain('still being added');
    expect(render(empty)).toContain('No matches for “toner”.');
  });
});
