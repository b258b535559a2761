// Desktop notifications for new client messages (and conversations assigned to the member),
// by the member's preferences (R10); clicking one opens its conversation. While the screen is
// locked they name nobody and quote nothing.
import { useEffect, useRef } from 'react';
import { useLockState } from '../reception/LockContext';
import { usePrefsSync } from '../profile/PrefsContext';
import { useStaff } from '../session/StaffContext';
import { notificationRequest } from './notificationRules';
import { useAssignmentNotifications } from './useAssignmentNotifications';
import { useReminders } from './useReminders';

export function useMessageNotifications(openConversationId: number | null, openConversation: (id: number) => void) {
  const { api, bridge } = useStaff();
  const prefs = usePrefsSync();
  const openId = useRef(openConversationId);
  useEffect(() => {
    openId.current = openConversationId;
  }, [openConversationId]);
  const { locked } = useLockState();
  const lockedRef = useRef(locked);
  useEffect(() => {
    lockedRef.current = locked;
  }, [locked]);

  useEffect(
    () =>
      api.subscribe('message:created', ({ message, conversation }) => {
        const view = { openConversationId: openId.current, prefs: prefs.prefs(), locked: lockedRef.current };
        const request = notificationRequest(message, conversation, view);
        if (request) bridge.notify(request);
      }),
    [api, bridge, prefs],
  );

  useEffect(() => bridge.onNotificationClick(openConversation), [bridge, openConversation]);
  // Assignments by colleagues notify through the same bridge, and their clicks land above.
  useAssignmentNotifications(openConversationId);
  // So do reminders while a client waits for an answer.
  useReminders(openConversationId);
}
