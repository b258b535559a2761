// The inbox list with its views: the member's chosen view (kept on this computer), the list of
// that view, the live counts beside the views, and "Mark as unread" on each row. What the
// Messages screen hands to ConversationList.
import { createElement, useCallback, useMemo, type ReactNode } from 'react';
import { useStaff } from '../session/StaffContext';
import { InboxViews } from './InboxViews';
import { useLocationCounts } from './inboxCountsSource';
import { INBOX_VIEWS } from './inboxViews';
import { useConversationList } from './useConversationList';
import { useInboxFilter } from './useInboxFilter';
import { useMarkUnread } from './useMarkUnread';

/** @param onScreenId the conversation the member has on screen (null while the inbox is hidden). */
export function useInboxList(onScreenId: number | null) {
  const { session } = useStaff();
  const { filter, setFilter, ready } = useInboxFilter();
  const list = useConversationList(filter, ready, onScreenId);
  const counts = useLocationCounts();
  const { markUnread, error: markUnreadError } = useMarkUnread();
  const onMarkUnread = useCallback((id: number) => void markUnread(id), [markUnread]);
  const { locations } = session;
  const timeZoneOf = useCallback((locationId: number) => locations.find((location) => location.id === locationId)?.timeZone, [locations]);

  const views: ReactNode = useMemo(
    () => createElement(InboxViews, { filter, onChange: setFilter, counts, locations }),
    [filter, setFilter, counts, locations],
  );
  const listProps = {
    views,
    view: filter.view,
    emptyText: filter.unreadOnly ? 'Nothing unread here.' : INBOX_VIEWS.find((entry) => entry.view === filter.view)?.empty,
    memberId: session.member.id,
    timeZoneOf,
    onMarkUnread,
    error: list.error ?? markUnreadError,
  };
  return { list, listProps };
}
