// Desktop notifications for new client messages, by the member's preferences (R10); clicking
// one opens its conversation.
import { useEffect, useRef } from 'react';
import { usePrefsSync } from '../profile/PrefsContext';
import { useStaff } from '../session/StaffContext';
import { notificationRequest } from './notificationRules';

export function useMessageNotifications(openConversationId: number | null, openConversation: (id: number) => void) {
  const { api, bridge } = useStaff();
  const prefs = usePrefsSync();
  const openId = useRef(openConversationId);
  useEffect(() => {
    openId.current = openConversationId;
  }, [openConversationId]);

  useEffect(
    () =>
      api.subscribe('message:created', ({ message, conversation }) => {
        // The screen lock (another issue) will pass its state here.
        const request = notificationRequest(message, conversation, { openConversationId: openId.current, prefs: prefs.prefs(), locked: false });
        if (request) bridge.notify(request);
      }),
    [api, bridge, prefs],
  );

  useEffect(() => bridge.onNotificationClick(openConversation), [bridge, openConversation]);
}
