// The member's unread open conversations at all their locations, mirrored on the desktop badge.
// Their own unread: a colleague reading a conversation does not clear it for them.
import { useEffect } from 'react';
import { useStaff } from '../session/StaffContext';
import { badgeCount } from './inboxCounts';
import { useLocationCounts } from './inboxCountsSource';

export function useUnreadBadge(): number {
  const { bridge, session } = useStaff();
  const locations = useLocationCounts();
  const total = locations === null ? 0 : badgeCount(locations, session.workspace.settings.enabled);
  useEffect(() => bridge.setBadgeCount(total), [bridge, total]);
  return total;
}
