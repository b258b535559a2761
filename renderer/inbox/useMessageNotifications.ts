// Desktop notifications for new client messages (and conversations assigned to the member, and
// notes that mention them), by the member's preferences (R10); clicking one opens its
// conversation. While the screen is locked they name nobody and quote nothing.
import { useEffect } from 'react';
import { useStaff } from '../session/StaffContext';
import { notificationRequest } from './notificationRules';
import { useAssignmentNotifications } from './useAssignmentNotifications';
import { useNotificationContext } from './useNotificationContext';
import { useMentionNotifications } from '../notes/useMentionNotifications';
import { useReminders } from './useReminders';

export function useMessageNotifications(openConversationId: number | null, openConversation: (id: number) => void) {
  const { api, bridge } = useStaff();
  const currentContext = useNotificationContext(openConversationId);

  useEffect(
    () =>
      api.subscribe('message:created', ({ message, conversation }) => {
        const request = notificationRequest(message, conversation, currentContext());
        if (request) bridge.notify(request);
      }),
    [api, bridge, currentContext],
  );

  useEffect(() => bridge.onNotificationClick(openConversation), [bridge, openConversation]);
  // Assignments by colleagues notify through the same bridge, and their clicks land above.
  useAssignmentNotifications(currentContext);
  useMentionNotifications(currentContext);
  // So do reminders while a client waits for an answer.
  useReminders(currentContext);
}
