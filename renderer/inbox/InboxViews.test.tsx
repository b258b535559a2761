// What the views and the rows say: the current view, counts, the location filter only for
// members of several locations, and the assignee, snooze time and Done on a row.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain';
import { ConversationListItem } from './ConversationListItem';
import { InboxViews } from './InboxViews';
import { DEFAULT_FILTER } from './inboxViews';

const soho = { id: 1, name: 'Soho' };
const shoreditch = { id: 2, name: 'Shoreditch' };
const counts = [
  { locationId: 1, open: 4, mine: 1, unassigned: 2, snoozed: 1, done: 10, unreadOpen: 3 },
  { locationId: 2, open: 2, mine: 0, unassigned: 2, snoozed: 0, done: 5, unreadOpen: 1 },
];
const views = (props: Partial<Parameters<typeof InboxViews>[0]>) =>
  renderToStaticMarkup(createElement(InboxViews, { filter: DEFAULT_FILTER, onChange: () => {}, counts, locations: [soho, shoreditch], ...props }));

describe('InboxViews', () => {
  it('marks the current view and shows each view’s count over all locations', () => {
    const html = views({});
    expect(html).toMatch(/aria-current="true"[^>]*>Open<span class="inbox-views__count">6<\/span>/);
    expect(html).toContain('Done<span class="inbox-views__count">15</span>');
    expect(html).toContain('All<span class="inbox-views__count">22</span>');
    expect(html).toContain('All locations (6)');
    expect(html).toContain('Shoreditch (2)');
  });

  it('counts the chosen location only, and offers no location filter to a member of one', () => {
    expect(views({ filter: { ...DEFAULT_FILTER, view: 'done', locationId: 2 } })).toMatch(/aria-current="true"[^>]*>Done<span class="inbox-views__count">5<\/span>/);
    expect(views({ locations: [soho] })).not.toContain('aria-label="Location"');
    expect(views({ counts: null })).not.toContain('inbox-views__count');
  });
});

describe('a row of the list', () => {
  const conversation = (changes: Partial<ConversationSummary>): ConversationSummary => ({
    id: 1,
    client: { id: 2, name: 'Ava Thompson' },
    location: soho,
    appointment: null,
    lastMessage: { text: 'Hi', authorKind: 'client', createdAt: 1, attachmentCount: 0 },
    lastActivityAt: 1,
    status: 'open',
    snoozedUntil: null,
    assignee: null,
    triageVersion: 0,
    unreadCount: 0,
    ...changes,
  });
  const row = (changes: Partial<ConversationSummary>, view: Parameters<typeof ConversationListItem>[0]['view']) =>
    renderToStaticMarkup(
      createElement(ConversationListItem, { conversation: conversation(changes), selected: false, now: 2, onSelect: () => {}, view, memberId: 7, timeZone: 'UTC', onMarkUnread: () => {} }),
    );
  // Tuesday 2 December 2025, 09:00 UTC.
  const tuesdayNine = Date.UTC(2025, 11, 2, 9, 0);

  it('names the assignee, or "You"', () => {
    expect(row({ assignee: { id: 8, name: 'Marcus Reid' } }, 'open')).toContain('MR</span><span class="visually-hidden">Assigned to </span>Marcus');
    expect(row({ assignee: { id: 7, name: 'Priya Shah' } }, 'open')).toContain('Assigned to </span>You');
  });

  it('shows the snooze time in Snoozed and All, and Done in All', () => {
    const snoozed = { status: 'snoozed' as const, snoozedUntil: tuesdayNine };
    expect(row(snoozed, 'snoozed')).toMatch(/Snoozed until Tue[^<]*\b2\b[^<]*\b0?9:00/);
    expect(row(snoozed, 'all')).toContain('Snoozed until');
    expect(row({ status: 'done' }, 'all')).toContain('>Done</span>');
    expect(row({ status: 'done' }, 'done')).not.toContain('>Done</span>');
  });

  it('offers Mark as unread on a read conversation only', () => {
    expect(row({}, 'open')).toContain('Mark as unread');
    expect(row({ unreadCount: 2 }, 'open')).not.toContain('Mark as unread');
  });
});
