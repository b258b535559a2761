// While the screen is locked a notification says that a message came, never what it says or
// who sent it: whoever walks past the reception computer reads nothing.
import type { DesktopNotification } from '../../shared/bridge';

export const LOCKED_NOTIFICATION = { title: 'Front Desk Inbox', body: 'New client message. Unlock to read it.' } as const;

export function notificationForLockState(notification: DesktopNotification, locked: boolean): DesktopNotification {
  return locked ? { conversationId: notification.conversationId, ...LOCKED_NOTIFICATION } : notification;
}
