// Owns native notifications: whether a new client message shows one (the member's preferences,
// the window's focus, the clock — shared/notificationPolicy.ts), one per conversation, and what
// a click on one does.
import type { DesktopNotification } from '../../shared/bridge';
import { decideForRequest, notificationText, type NotificationDecision } from '../../shared/notificationPolicy';

/** The parts of an Electron Notification we use. */
export interface NativeNotification {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NativeNotification;
}

export interface NotificationCenterOptions {
  readonly notifications: NotificationFactory;
  /** Whether the inbox window has the focus now. */
  readonly isWindowFocused: () => boolean;
  /** The local time now (quiet hours). */
  readonly now: () => Date;
  /** Brings the inbox window to the front. */
  readonly revealWindow: () => void;
  /** Tells the renderer to open the conversation ('desktop:notification-click'). */
  readonly openConversation: (conversationId: number) => void;
  readonly log?: (message: string) => void;
}

export type ShowOutcome = NotificationDecision | { notify: false; reason: 'unsupported' };

export interface NotificationCenter {
  /** Shows the notification if the preferences allow it; says what it decided. */
  show(notification: DesktopNotification): ShowOutcome;
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
    show(request) {
      const decision = decideForRequest(request, options.isWindowFocused(), options.now());
      if (!decision.notify) return decision;
      if (!options.notifications.isSupported()) {
        if (!reportedUnsupported) options.log?.('Native notifications are not supported on this system.');
        reportedUnsupported = true;
        return { notify: false, reason: 'unsupported' };
      }
      const { conversationId } = request;
      const previous = shown.get(conversationId);
      // Forget before closing: its 'close' event must not drop the replacement from the map.
      shown.delete(conversationId);
      previous?.close();

      const notification = options.notifications.create({ ...notificationText(decision, request), silent: decision.silent });
      notification.on('click', () => {
        forget(conversationId, notification);
        options.revealWindow();
        options.openConversation(conversationId);
      });
      notification.on('close', () => forget(conversationId, notification));
      shown.set(conversationId, notification);
      notification.show();
      return decision;
    },
    closeAll() {
      const all = [...shown.values()];
      shown.clear();
      for (const notification of all) notification.close();
    },
  };
}
