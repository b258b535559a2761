// DesktopBridge for a plain browser: the Notification API (by the member's preferences, as the
// desktop does), the tab title as the badge and localStorage as the preference cache. Its
// environment is passed in so tests run under Node.
import type { DesktopBridge, DesktopNotification, NotificationCheck } from '../../shared/bridge';
import { DEFAULT_MANAGED_SETTINGS, type UpdateStatus } from '../../shared/ipc';
import { decideForRequest, notificationText, type NotificationDecision } from '../../shared/notificationPolicy';
import { titleWithBadge } from './badgeTitle';
import { createPrefsStore, type KeyValueStorage } from './prefsStore';

/** What we use of `Notification`: the constructor, its permission and the permission prompt. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options: NotificationOptions): Pick<Notification, 'close' | 'onclick'>;
}

export interface WebBridgeEnvironment {
  origin: string;
  storage: KeyValueStorage;
  document: Pick<Document, 'title'>;
  focusWindow(): void;
  /** Whether the page has the focus and is visible. */
  isWindowFocused(): boolean;
  /** The local time now (quiet hours). */
  now(): Date;
  /** Absent when the browser has no notifications (or they are blocked by policy). */
  notifications: NotificationApi | undefined;
}

const BLOCKED_ADVICE =
  'Notifications are blocked for this site. Click the icon at the left of the address bar, open the site settings, set Notifications to Allow, and reload the page.';
const TEST_TITLE = 'Front Desk Inbox';

/** A page in a browser is updated by its server; it has nothing to download or install. */
const BROWSER_UPDATES: UpdateStatus = {
  state: 'off',
  offReason: 'browser',
  currentVersion: '',
  version: null,
  percent: null,
  feedUrl: null,
  checkedAt: null,
  waitingReplies: 0,
  installRequested: false,
  problem: null,
};
const DESKTOP_ONLY = 'This is available in the Front Desk Inbox desktop app only.';
const TEST_BODY = 'Notifications work: new client messages will appear like this.';

/** The browser's answer to the notifications self-check (asking for permission if it may). */
async function checkWebNotifications(api: NotificationApi | undefined): Promise<NotificationCheck> {
  if (!api) {
    return {
      outcome: 'unsupported',
      advice: "This browser can't show notifications. Use the Front Desk Inbox desktop app, or a current Chrome, Edge, Firefox or Safari.",
    };
  }
  const permission = api.permission === 'default' ? await api.requestPermission().catch(() => 'default' as const) : api.permission;
  if (permission === 'denied') return { outcome: 'blocked', advice: BLOCKED_ADVICE };
  if (permission !== 'granted') {
    return { outcome: 'blocked', advice: 'Notifications were not allowed. Press the button again and choose Allow when the browser asks.' };
  }
  try {
    new api(TEST_TITLE, { body: TEST_BODY, tag: 'notification-test' });
  } catch (error) {
    return { outcome: 'failed', advice: `The browser could not show the test notification (${error instanceof Error ? error.message : String(error)}).` };
  }
  return {
    outcome: 'sent',
    advice: "A test notification was sent. If it did not appear, check that your operating system allows this browser's notifications and that Do not disturb is off.",
  };
}

export function createWebBridge(env: WebBridgeEnvironment): DesktopBridge {
  const prefs = createPrefsStore(env.storage);
  const clickListeners = new Set<(conversationId: number) => void>();

  const show = (api: NotificationApi, notification: DesktopNotification, decision: Extract<NotificationDecision, { notify: true }>): void => {
    const { title, body } = notificationText(decision, notification);
    const shown = new api(title, {
      body,
      silent: decision.silent,
      // One notification per conversation: a newer message replaces the older notification.
      tag: `conversation-${notification.conversationId}`,
      renotify: true,
    } as NotificationOptions);
    shown.onclick = () => {
      env.focusWindow();
      shown.close();
      for (const listener of clickListeners) listener(notification.conversationId);
    };
  };

  return {
    kind: 'web',
    serverUrl: () => Promise.resolve(env.origin),
    notify(notification) {
      const api = env.notifications;
      if (!api || api.permission === 'denied') return;
      const decision = decideForRequest(notification, env.isWindowFocused(), env.now());
      if (!decision.notify) return;
      if (api.permission === 'granted') {
        show(api, notification, decision);
        return;
      }
      // Ask the first time a notification is needed rather than on load, when it means nothing.
      api.requestPermission().then(
        (permission) => {
          if (permission === 'granted') show(api, notification, decision);
        },
        () => undefined,
      );
    },
    onNotificationClick(listener) {
      clickListeners.add(listener);
      return () => clickListeners.delete(listener);
    },
    setBadgeCount(count) {
      env.document.title = titleWithBadge(env.document.title, count);
    },
    readPref: (key) => Promise.resolve(prefs.read(key)),
    writePref: (key, value) => Promise.resolve(prefs.write(key, value)),
    // A browser has no managed configuration: it uses the server that served the page.
    managedConfig: () =>
      Promise.resolve({ settings: { ...DEFAULT_MANAGED_SETTINGS, serverMode: 'remote', serverUrl: env.origin }, locked: [], problem: null }),
    chooseSetting: () => Promise.reject(new Error('Start-up settings exist only in the desktop app.')),
    testNotification: () => checkWebNotifications(env.notifications),
    updateStatus: () => Promise.resolve(BROWSER_UPDATES),
    checkForUpdates: () => Promise.resolve(BROWSER_UPDATES),
    installUpdate: () => Promise.resolve(BROWSER_UPDATES),
    onUpdateStatus: () => () => undefined,
    openLogsFolder: () => Promise.reject(new Error(DESKTOP_ONLY)),
    copyDiagnostics: () => Promise.reject(new Error(DESKTOP_ONLY)),
  };
}
