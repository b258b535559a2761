// Which conversations the inbox list shows: a view (Open, Mine, Unassigned, Snoozed, Done, All),
// one location or all of the member's, and optionally only the member's own unread. The same
// rules as the server's `conversation:list`, so a push can move a conversation in or out of
// the list without asking the server again.
import { z } from 'zod';
import { idSchema, type ConversationSummary, type SharedConversationSummary } from '../../shared/domain';
import { inboxViewSchema, type InboxView } from '../../shared/triageEvents';

export const listFilterSchema = z.object({
  view: inboxViewSchema,
  /** null: every location the member works at. */
  locationId: idSchema.nullable(),
  unreadOnly: z.boolean(),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

export const DEFAULT_FILTER: ListFilter = { view: 'open', locationId: null, unreadOnly: false };

/** In the order the tabs show them. */
export const INBOX_VIEWS: readonly { view: InboxView; label: string; empty: string }[] = [
  { view: 'open', label: 'Open', empty: 'Nothing open. New client messages will appear here.' },
  { view: 'mine', label: 'Mine', empty: 'No open conversations are assigned to you.' },
  { view: 'unassigned', label: 'Unassigned', empty: 'Every open conversation has someone on it.' },
  { view: 'snoozed', label: 'Snoozed', empty: 'No snoozed conversations.' },
  { view: 'done', label: 'Done', empty: 'No conversations are done yet.' },
  { view: 'all', label: 'All', empty: 'No conversations yet. Client messages will appear here.' },
];

export const sameFilter = (a: ListFilter, b: ListFilter): boolean =>
  a.view === b.view && a.locationId === b.locationId && a.unreadOnly === b.unreadOnly;

/** Whether the conversation's status and assignee put it in the view (unread aside). */
export function inView(conversation: SharedConversationSummary, view: InboxView, memberId: number): boolean {
  switch (view) {
    case 'open':
      return conversation.status === 'open';
    case 'mine':
      return conversation.status === 'open' && conversation.assignee?.id === memberId;
    case 'unassigned':
      return conversation.status === 'open' && conversation.assignee === null;
    case 'snoozed':
      return conversation.status === 'snoozed';
    case 'done':
      return conversation.status === 'done';
    case 'all':
      return true;
  }
}

/** Whether the list with this filter shows the conversation. */
export function belongsInList(conversation: ConversationSummary, filter: ListFilter, memberId: number): boolean {
  if (filter.locationId !== null && conversation.location.id !== filter.locationId) return false;
  if (filter.unreadOnly && conversation.unreadCount === 0) return false;
  return inView(conversation, filter.view, memberId);
}

/** What `conversation:list` is asked for this filter. */
export function listRequest(filter: ListFilter): { view: InboxView; locationId?: number; unreadOnly?: boolean } {
  return {
    view: filter.view,
    ...(filter.locationId === null ? {} : { locationId: filter.locationId }),
    ...(filter.unreadOnly ? { unreadOnly: true } : {}),
  };
}

/** A short stable name of the filter, for the offline cache of each view's list. */
export const filterKey = (filter: ListFilter): string =>
  `${filter.view}:${filter.locationId ?? 'all'}${filter.unreadOnly ? ':unread' : ''}`;
