// Owns the DesktopBridge the preload hands the page, built over IPC without exposing IPC itself.
// Imports from shared/ are type-only: they check our channel names and global at compile time
// while keeping zod out of the sandboxed preload. Main parses every argument anyway.
import type { BRIDGE_GLOBAL, DesktopBridge, DesktopNotification, NotificationCheck } from '../../shared/bridge';
import type { InvokeChannel, ManagedConfigView, PushChannel, SendChannel, UpdateStatus } from '../../shared/ipc';

export const bridgeGlobal: typeof BRIDGE_GLOBAL = 'desktop';

const SERVER_URL: InvokeChannel = 'desktop:server-url';
const PREF_READ: InvokeChannel = 'desktop:pref-read';
const PREF_WRITE: InvokeChannel = 'desktop:pref-write';
const MANAGED_CONFIG: InvokeChannel = 'desktop:managed-config';
const NOTIFICATION_TEST: InvokeChannel = 'desktop:notification-test';
const CHOOSE_SETTING: InvokeChannel = 'desktop:choose-setting';
const UPDATE_STATUS: InvokeChannel = 'desktop:update-status';
const UPDATE_CHECK: InvokeChannel = 'desktop:update-check';
const UPDATE_INSTALL: InvokeChannel = 'desktop:update-install';
const OPEN_LOGS: InvokeChannel = 'desktop:open-logs';
const COPY_DIAGNOSTICS: InvokeChannel = 'desktop:copy-diagnostics';
const NOTIFY: SendChannel = 'desktop:notify';
const BADGE: SendChannel = 'desktop:badge';
const NOTIFICATION_CLICK: PushChannel = 'desktop:notification-click';
const UPDATE_STATUS_PUSH: PushChannel = 'desktop:update-status';

type PushListener = (event: unknown, ...args: unknown[]) => void;

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: PushListener): unknown;
  removeListener(channel: string, listener: PushListener): unknown;
}

export function createDesktopBridge(ipc: RendererIpc): DesktopBridge {
  return {
    kind: 'electron',
    async serverUrl() {
      const url = await ipc.invoke(SERVER_URL);
      if (typeof url !== 'string') throw new Error('The desktop app did not report the inbox server address.');
      return url;
    },
    notify(notification: DesktopNotification) {
      // Copy the known fields only: whatever else the page put on the object stays in the page.
      const { conversationId, locationId, title, body, conversationOpen, locked, prefs } = notification;
      const { desktop, sound, showPreview, mutedLocationIds, quietHours } = prefs;
      ipc.send(NOTIFY, {
        conversationId,
        locationId,
        title,
        body,
        conversationOpen,
        locked,
        prefs: { desktop, sound, showPreview, mutedLocationIds, quietHours },
      });
    },
    onNotificationClick(listener) {
      // The IPC event (which carries the sender) is dropped here, never handed to the page.
      const onClick: PushListener = (_event, conversationId) => {
        if (typeof conversationId === 'number') listener(conversationId);
      };
      ipc.on(NOTIFICATION_CLICK, onClick);
      return () => {
        ipc.removeListener(NOTIFICATION_CLICK, onClick);
      };
    },
    setBadgeCount(count) {
      ipc.send(BADGE, count);
    },
    readPref(key) {
      return ipc.invoke(PREF_READ, key);
    },
    async writePref(key, value) {
      await ipc.invoke(PREF_WRITE, key, value);
    },
    // Main's answers follow shared/ipc.ts; the renderer parses them (no zod in the preload).
    async managedConfig() {
      return (await ipc.invoke(MANAGED_CONFIG)) as ManagedConfigView;
    },
    async chooseSetting(key, value) {
      return (await ipc.invoke(CHOOSE_SETTING, key, value)) as ManagedConfigView;
    },
    async testNotification() {
      return (await ipc.invoke(NOTIFICATION_TEST)) as NotificationCheck;
    },
    async updateStatus() {
      return (await ipc.invoke(UPDATE_STATUS)) as UpdateStatus;
    },
    async checkForUpdates() {
      return (await ipc.invoke(UPDATE_CHECK)) as UpdateStatus;
    },
    async installUpdate() {
      return (await ipc.invoke(UPDATE_INSTALL)) as UpdateStatus;
    },
    onUpdateStatus(listener) {
      const onStatus: PushListener = (_event, status) => {
        if (typeof status === 'object' && status !== null) listener(status as UpdateStatus);
      };
      ipc.on(UPDATE_STATUS_PUSH, onStatus);
      return () => {
        ipc.removeListener(UPDATE_STATUS_PUSH, onStatus);
      };
    },
    async openLogsFolder() {
      await ipc.invoke(OPEN_LOGS);
    },
    async copyDiagnostics() {
      const text = await ipc.invoke(COPY_DIAGNOSTICS);
      if (typeof text !== 'string') throw new Error('The desktop app did not answer with the diagnostics.');
      return text;
    },
  };
}
