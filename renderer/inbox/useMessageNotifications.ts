// Desktop notifications for client messages the member is not looking at; clicking one opens
// its conversation.
import { useEffect, useRef } from 'react';
import { describeMessageContent } from '../attachments/attachmentRules';
import { useLockState } from '../lock/LockContext';
import { notificationForLockState } from '../lock/lockedNotification';
import { useStaff } from '../session/StaffContext';
import { isWindowFocused } from '../ui/useWindowFocused';
import { notificationBody, shouldNotify } from './notificationRules';

export function useMessageNotifications(openConversationId: number | null, openConversation: (id: number) => void) {
  const { api, bridge } = useStaff();
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
        const view = { openConversationId: openId.current, windowFocused: isWindowFocused() };
        if (!shouldNotify(message, view)) return;
        const notification = {
          conversationId: conversation.id,
          title: conversation.client.name.slice(0, 200),
          body: notificationBody(describeMessageContent(message.text, message.attachments.length)),
        };
        // Locked: a generic notification, no message text or sender.
        bridge.notify(notificationForLockState(notification, lockedRef.current));
      }),
    [api, bridge],
  );

  useEffect(() => bridge.onNotificationClick(openConversation), [bridge, openConversation]);
}
