import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';
import { titleWithBadge } from './badgeTitle';
import { createWebBridge, type NotificationApi, type WebBridgeEnvironment } from './webBridge';
import { createMemoryStorage } from './testDoubles';

function fakeNotifications(initial: NotificationPermission) {
  const shown: { title: string; options: NotificationOptions; instance: FakeNotification }[] = [];
  class FakeNotification {
    static permission: NotificationPermission = initial;
    static requestPermission = vi.fn(async () => {
      FakeNotification.permission = 'granted';
      return FakeNotification.permission;
    });
    onclick: Notification['onclick'] = null;
    close = vi.fn();
    constructor(title: string, options: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
  }
  return { api: FakeNotification satisfies NotificationApi, shown };
}

function environment(overrides: Partial<WebBridgeEnvironment> = {}): WebBridgeEnvironment {
  return {
    origin: 'http://127.0.0.1:4780',
    storage: createMemoryStorage(),
    document: { title: 'Front Desk Inbox' },
    focusWindow: vi.fn(),
    isWindowFocused: () => false,
    now: () => new Date(2026, 2, 2, 10, 0),
    notifications: undefined,
    ...overrides,
  };
}

const message = {
  conversationId: 7,
  locationId: 1,
  title: 'Ana Ruiz',
  body: 'Can I move my appointment?',
  conversationOpen: false,
  locked: false,
  prefs: DEFAULT_NOTIFICATION_PREFS,
};

describe('titleWithBadge', () => {
  it('prefixes, replaces and clears the count', () => {
    expect(titleWithBadge('Inbox', 3)).toBe('(3) Inbox');
    expect(titleWithBadge('(3) Inbox', 12)).toBe('(12) Inbox');
    expect(titleWithBadge('(12) Inbox', 0)).toBe('Inbox');
  });
});

describe('createWebBridge', () => {
  it('serves the page origin as the server URL', async () => {
    await expect(createWebBridge(environment()).serverUrl()).resolves.toBe('http://127.0.0.1:4780');
  });

  it('shows the badge in the document title', () => {
    const env = environment();
    const bridge = createWebBridge(env);
    bridge.setBadgeCount(4);
    expect(env.document.title).toBe('(4) Front Desk Inbox');
    bridge.setBadgeCount(0);
    expect(env.document.title).toBe('Front Desk Inbox');
  });

  it('asks for permission on first need, then notifies once per conversation tag', async () => {
    const { api, shown } = fakeNotifications('default');
    const bridge = createWebBridge(environment({ notifications: api }));
    bridge.notify(message);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(api.requestPermission).toHaveBeenCalledTimes(1);
    expect(shown[0]?.options).toMatchObject({ body: message.body, tag: 'conversation-7' });
    bridge.notify(message);
    expect(shown).toHaveLength(2);
    expect(api.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('stays silent when notifications are denied or unsupported', () => {
    const { api, shown } = fakeNotifications('denied');
    createWebBridge(environment({ notifications: api })).notify(message);
    createWebBridge(environment()).notify(message);
    expect(shown).toHaveLength(0);
  });

  it('focuses the window and tells listeners which conversation was clicked', () => {
    const { api, shown } = fakeNotifications('granted');
    const env = environment({ notifications: api });
    const bridge = createWebBridge(env);
    const listener = vi.fn();
    const unsubscribe = bridge.onNotificationClick(listener);
    bridge.notify(message);
    const notification = shown[0]?.instance;
    notification?.onclick?.call(notification as unknown as Notification, new Event('click'));
    expect(env.focusWindow).toHaveBeenCalled();
    expect(notification?.close).toHaveBeenCalled();
    expect(listener).toHaveBeenCalledWith(7);
    unsubscribe();
    notification?.onclick?.call(notification as unknown as Notification, new Event('click'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('applies the member\'s preferences before asking the browser for anything', () => {
    const { api, shown } = fakeNotifications('default');
    const bridge = createWebBridge(environment({ notifications: api, isWindowFocused: () => true }));
    bridge.notify({ ...message, conversationOpen: true });
    bridge.notify({ ...message, prefs: { ...DEFAULT_NOTIFICATION_PREFS, desktop: false } });
    bridge.notify({ ...message, prefs: { ...DEFAULT_NOTIFICATION_PREFS, mutedLocationIds: [1] } });
    bridge.notify({ ...message, prefs: { ...DEFAULT_NOTIFICATION_PREFS, quietHours: { start: 9 * 60, end: 17 * 60 } } });
    expect(api.requestPermission).not.toHaveBeenCalled();
    expect(shown).toHaveLength(0);
  });

  it('hides the text without preview and mutes the sound by preference', () => {
    const { api, shown } = fakeNotifications('granted');
    createWebBridge(environment({ notifications: api })).notify({
      ...message,
      prefs: { ...DEFAULT_NOTIFICATION_PREFS, showPreview: false, sound: false },
    });
    expect(shown[0]).toMatchObject({ title: 'Ana Ruiz', options: { body: 'New message', silent: true } });
  });

  it('keeps preferences in namespaced storage', async () => {
    const bridge = createWebBridge(environment());
    await bridge.writePref('inbox.lastConversation', 7);
    await expect(bridge.readPref('inbox.lastConversation')).resolves.toBe(7);
  });
});

describe('web notifications self-check', () => {
  it('sends a test notification once allowed, asking first if the browser has not been asked', async () => {
    const { api, shown } = fakeNotifications('default');
    const bridge = createWebBridge(environment({ notifications: api }));
    expect((await bridge.testNotification()).outcome).toBe('sent');
    expect(api.requestPermission).toHaveBeenCalledOnce();
    expect(shown.map((n) => [n.title, n.options.tag])).toEqual([['Front Desk Inbox', 'notification-test']]);
  });

  it('tells the user how to unblock notifications, and sends nothing', async () => {
    const { api, shown } = fakeNotifications('denied');
    const check = await createWebBridge(environment({ notifications: api })).testNotification();
    expect(check.outcome).toBe('blocked');
    expect(check.advice).toMatch(/blocked for this site.*set Notifications to Allow/);
    expect(shown).toEqual([]);
  });

  it('says when the browser has no notifications at all', async () => {
    expect((await createWebBridge(environment()).testNotification()).outcome).toBe('unsupported');
  });

  it('reports no managed settings and the page\'s own server', async () => {
    const view = await createWebBridge(environment()).managedConfig();
    expect(view).toMatchObject({ locked: [], problem: null, settings: { serverMode: 'remote', serverUrl: 'http://127.0.0.1:4780', autoLockMinutes: 5 } });
  });
});

describe('web bridge: updates and support', () => {
  it('has no updates or logs of its own: a browser gets the inbox from its server', async () => {
    const bridge = createWebBridge(environment());
    expect(await bridge.updateStatus()).toMatchObject({ state: 'off', offReason: 'browser' });
    expect(await bridge.installUpdate()).toMatchObject({ state: 'off' });
    await expect(bridge.copyDiagnostics()).rejects.toThrow('desktop app only');
    await expect(bridge.openLogsFolder()).rejects.toThrow('desktop app only');
  });
});
