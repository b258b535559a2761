// The first inbox stands in for the list's own first page only when it answers the very same
// request: the view, the location, Unread only and the page size.
import { describe, expect, it } from 'vitest';
import { FIRST_INBOX_REQUEST, type FirstInbox } from '../../shared/inboxPage';
import { answersFilter } from './firstInbox';
import { DEFAULT_FILTER } from './inboxViews';

const firstInbox = (request: FirstInbox['request'] = FIRST_INBOX_REQUEST): FirstInbox => ({ request, page: { items: [], nextCursor: null }, counts: [] });

describe('answersFilter', () => {
  it('takes the first inbox for the default view at the first page size', () => {
    expect(answersFilter(firstInbox(), DEFAULT_FILTER, FIRST_INBOX_REQUEST.limit)).toBe(true);
  });

  it('refuses it for another view, one location, Unread only, another size or a later page', () => {
    expect(answersFilter(firstInbox(), { ...DEFAULT_FILTER, view: 'mine' }, 30)).toBe(false);
    expect(answersFilter(firstInbox(), { ...DEFAULT_FILTER, locationId: 4 }, 30)).toBe(false);
    expect(answersFilter(firstInbox(), { ...DEFAULT_FILTER, unreadOnly: true }, 30)).toBe(false);
    expect(answersFilter(firstInbox(), DEFAULT_FILTER, 100)).toBe(false);
    expect(answersFilter(firstInbox({ ...FIRST_INBOX_REQUEST, cursor: 'abc' }), DEFAULT_FILTER, 30)).toBe(false);
  });

  it('reads an omitted view as All, as the server does', () => {
    expect(answersFilter(firstInbox({ limit: 30 }), { ...DEFAULT_FILTER, view: 'all' }, 30)).toBe(true);
    expect(answersFilter(firstInbox({ limit: 30 }), DEFAULT_FILTER, 30)).toBe(false);
  });
});
