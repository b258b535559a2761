// Owns the notifications self-check: sends a test notification and turns what the OS reports
// into what the person at the computer should do.
import type { NotificationCheck } from '../../shared/bridge';

/** The parts of an Electron Notification the check listens to ('failed' is Windows only). */
export interface CheckedNotification {
  on(event: 'show', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export interface NotificationCheckOptions {
  readonly platform: NodeJS.Platform;
  readonly isSupported: () => boolean;
  readonly create: (options: { title: string; body: string }) => CheckedNotification;
  /** How long to wait for the OS to confirm; injectable so tests need not wait. */
  readonly wait: (milliseconds: number) => Promise<void>;
}

export const TEST_NOTIFICATION = {
  title: 'Front Desk Inbox',
  body: 'Notifications work: new client messages will appear like this.',
} as const;

const CONFIRM_TIMEOUT_MS = 4_000;

/** Where each OS lets people allow an app's notifications. */
export function notificationSettingsAdvice(platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    return 'Open Settings → System → Notifications: turn notifications on, allow Front Desk Inbox, and check that Do not disturb (Focus assist) is off.';
  }
  if (platform === 'darwin') {
    return 'Open System Settings → Notifications → Front Desk Inbox: allow notifications and choose Banners or Alerts. A Focus mode can also hide them.';
  }
  return "Check your desktop's notification settings: allow Front Desk Inbox and turn Do not disturb off.";
}

function unsupportedAdvice(platform: NodeJS.Platform): string {
  const why =
    platform === 'linux'
      ? 'This computer has no notification service running (most desktops, such as GNOME, KDE or Xfce, include one).'
      : 'This version of the operating system cannot show desktop notifications.';
  return `${why} New messages still appear in the unread count on the window and the tray icon.`;
}

export async function checkNotifications(options: NotificationCheckOptions): Promise<NotificationCheck> {
  if (!options.isSupported()) return { outcome: 'unsupported', advice: unsupportedAdvice(options.platform) };
  const settings = notificationSettingsAdvice(options.platform);
  let notification: CheckedNotification;
  const reported = new Promise<NotificationCheck>((resolve) => {
    notification = options.create(TEST_NOTIFICATION);
    notification.on('show', () => resolve({ outcome: 'shown', advice: `A test notification was sent. If it did not appear: ${settings}` }));
    notification.on('failed', (_event, error) =>
      resolve({ outcome: 'blocked', advice: `The system refused the test notification (${error}). ${settings}` }),
    );
  });
  try {
    notification!.show();
  } catch (error) {
    return { outcome: 'failed', advice: `The test notification could not be sent (${error instanceof Error ? error.message : String(error)}). ${settings}` };
  }
  const unconfirmed = options.wait(CONFIRM_TIMEOUT_MS).then(
    (): NotificationCheck => ({ outcome: 'sent', advice: `A test notification was sent, but the system did not confirm it. If it did not appear: ${settings}` }),
  );
  return Promise.race([reported, unconfirmed]);
}
