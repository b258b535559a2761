// Desktop notifications for client messages the member is not looking at; clicking one opens
// its conversation.
import { useEffect, useRef } from 'react';
import { describeMessageContent } from '../attachments/attachmentRules';
import { useStaff } from '../session/StaffContext';
import { isWindowFocused } from '../ui/useWindowFocused';
import { notificationBody, shouldNotify } from './notificationRules';

export function useMessageNotifications(openConversationId: number | null, openConversation: (id: number) => void) {
  const { api, bridge } = useStaff();
  const openId = useRef(openConversationId);
  useEffect(() => {
    openId.current = openConversationId;
  }, [openConversationId]);

  useEffect(
    () =>
      api.subscribe('message:created', ({ message, conversation }) => {
        const view = { openConversationId: openId.current, windowFocused: isWindowFocused() };
        if (!shouldNotify(message, view)) return;
        bridge.notify({
          conversationId: conversation.id,
          title: conversation.client.name.slice(0, 200),
          body: notificationBody(describeMessageContent(message.text, message.attachments.length)),
        });
      }),
    [api, bridge],
  );

  useEffect(() => bridge.onNotificationClick(openConversation), [bridge, openConversation]);
}
