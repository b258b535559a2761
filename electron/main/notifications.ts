// Owns native notifications: one per conversation, and what a click on one does.
import type { DesktopNotification } from '../../shared/bridge';

/** The parts of an Electron Notification we use. */
export interface NativeNotification {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NativeNotification;
}

export interface NotificationCenterOptions {
  readonly notifications: NotificationFactory;
  /** Brings the inbox window to the front. */
  readonly revealWindow: () => void;
  /** Tells the renderer to open the conversation ('desktop:notification-click'). */
  readonly openConversation: (conversationId: number) => void;
  readonly log?: (message: string) => void;
}

export interface NotificationCenter {
  /** Returns false when the OS cannot show notifications (the in-app unread count still works). */
  show(notification: DesktopNotification): boolean;
  /** Closes every notification still on screen, e.g. before quitting. */
  closeAll(): void;
}

export function createNotificationCenter(options: NotificationCenterOptions): NotificationCenter {
  // Holding each shown notification matters beyond replacement: Electron drops the click handler
  // of a notification the garbage collector has taken.
  const shown = new Map<number, NativeNotification>();
  let reportedUnsupported = false;

  const forget = (conversationId: number, notification: NativeNotification) => {
    if (shown.get(conversationId) === notification) shown.delete(conversationId);
  };

  return {
    show({ conversationId, title, body }) {
      if (!options.notifications.isSupported()) {
        if (!reportedUnsupported) options.log?.('Native notifications are not supported on this system.');
        reportedUnsupported = true;
        return false;
      }
      const previous = shown.get(conversationId);
      // Forget before closing: its 'close' event must not drop the replacement from the map.
      shown.delete(conversationId);
      previous?.close();

      const notification = options.notifications.create({ title, body });
      notification.on('click', () => {
        forget(conversationId, notification);
        options.revealWindow();
        options.openConversation(conversationId);
      });
      notification.on('close', () => forget(conversationId, notification));
      shown.set(conversationId, notification);
      notification.show();
      return true;
    },
    closeAll() {
      const all = [...shown.values()];
      shown.clear();
      for (const notification of all) notification.close();
    },
  };
}
