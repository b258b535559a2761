// The first inbox the sign-in answered with (shared/inboxPage.ts): the first page of the Open
// view and the counts, so the inbox draws its rows in the same render as the signed-in screens
// instead of waiting for its socket. Used once, for the view it answers; the socket's own
// first page replaces it as soon as it connects (pushes sent meanwhile did not reach the app).
import { createContext } from 'react';
import type { FirstInbox } from '../../shared/inboxPage';
import type { ListFilter } from './inboxViews';

export const FirstInboxContext = createContext<FirstInbox | null>(null);

/** Whether the first inbox's page is the one the list would ask for: this filter, this size. */
export function answersFilter(firstInbox: FirstInbox, filter: ListFilter, limit: number): boolean {
  const { request } = firstInbox;
  return (
    request.cursor === undefined &&
    (request.view ?? 'all') === filter.view &&
    (request.locationId ?? null) === filter.locationId &&
    (request.unreadOnly ?? false) === filter.unreadOnly &&
    request.limit === limit
  );
}
