// Total unread client messages for the member's conversations, mirrored on the desktop badge.
import { useEffect, useState } from 'react';
import { PAGE_SIZE_MAX } from '../../shared/domain';
import { useStaff } from '../session/StaffContext';
import { badgeTotal, seedUnreadCounts, withUnreadCount, type UnreadCounts } from './unreadCounts';

export function useUnreadBadge(): number {
  const { api, bridge, session } = useStaff();
  const [counts, setCounts] = useState<UnreadCounts>(() => new Map());

  useEffect(() => {
    let later: ReturnType<typeof setTimeout> | undefined;
    const unsubscribers = [
      () => clearTimeout(later),
      api.whenConnected(() => {
        // A turn later, so the inbox's first page is asked for (and answered) first: the
        // conversation rows are drawn before up to 100 unread conversations are fetched to count.
        clearTimeout(later);
        later = setTimeout(() => {
          void api.request('conversation:list', { unreadOnly: true, limit: PAGE_SIZE_MAX }).then((result) => {
            if (result.ok) setCounts(seedUnreadCounts(result.data.items));
          });
        }, 0);
      }),
      api.subscribe('message:created', ({ conversation }) =>
        setCounts((current) => withUnreadCount(current, conversation.id, conversation.unreadCount)),
      ),
      api.subscribe('conversation:read', (read) => {
        if (read.reader === 'business') setCounts((current) => withUnreadCount(current, read.conversationId, read.unreadCount));
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api]);

  const total = badgeTotal(counts, session.workspace.settings.enabled);
  useEffect(() => bridge.setBadgeCount(total), [bridge, total]);
  return total;
}
