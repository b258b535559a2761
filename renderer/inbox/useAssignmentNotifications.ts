// A desktop notification when a colleague assigns a conversation to the member, live or when a
// reconnect's catch-up replays it (once per event either way).
import { useCallback } from 'react';
import { assignmentNotificationRequest } from './assignmentNotifications';
import type { NotificationContext } from './notificationRules';
import { useOncePerIdNotifications } from './useOncePerIdNotifications';

export function useAssignmentNotifications(currentContext: () => NotificationContext) {
  useOncePerIdNotifications(
    'conversation:triaged',
    useCallback(({ event }) => event.id, []),
    useCallback(({ event, conversation }, memberId) => assignmentNotificationRequest(event, conversation, memberId, currentContext()), [currentContext]),
  );
}
