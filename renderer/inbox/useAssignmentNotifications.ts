// A desktop notification when a colleague assigns a conversation to the member, live or when a
// reconnect's catch-up replays it (once per event either way). A click opens the conversation
// like a message notification's (useMessageNotifications registers the click).
import { useEffect } from 'react';
import { useStaff } from '../session/StaffContext';
import { assignmentNotificationRequest } from './assignmentNotifications';
import type { NotificationContext } from './notificationRules';

/** Enough to cover a catch-up replay of events that also came live. */
const REMEMBERED_EVENTS = 1_000;

export function useAssignmentNotifications(currentContext: () => NotificationContext) {
  const { api, bridge, session } = useStaff();
  const memberId = session.member.id;

  useEffect(() => {
    const notified = new Set<number>();
    return api.subscribe('conversation:triaged', ({ conversation, event }) => {
      if (notified.has(event.id)) return;
      const request = assignmentNotificationRequest(event, conversation, memberId, currentContext());
      if (!request) return;
      notified.add(event.id);
      if (notified.size > REMEMBERED_EVENTS) notified.delete(notified.values().next().value!);
      bridge.notify(request);
    });
  }, [api, bridge, currentContext, memberId]);
}
