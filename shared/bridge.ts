// The one interface through which the renderer reaches the desktop. Electron's preload
// implements it over IPC; renderer/desktop/webBridge.ts implements it for a plain browser.
import { z } from 'zod';
import { idSchema } from './domain';
import { notificationPrefsSchema } from './profile';
import type { ComputerSettingKey, ManagedConfigView, UpdateStatus } from './computerSettings';

/** A new client message the desktop may announce. The renderer says what it knows (the
 * member's preferences, which conversation is open, whether the screen is locked); whoever
 * shows it adds the window focus and the clock and applies shared/notificationPolicy.ts. */
export const desktopNotificationSchema = z.object({
  conversationId: idSchema,
  locationId: idSchema,
  /** The client's name. */
  title: z.string().max(200),
  /** The message text (or "Attachment"). */
  body: z.string().max(500),
  conversationOpen: z.boolean(),
  locked: z.boolean(),
  prefs: notificationPrefsSchema,
  /** What it announces: a client message (the default), a conversation assigned to the member,
   * or a colleague's note that mentions them. */
  about: z.enum(['message', 'assignment', 'mention']).optional(),
});
export type DesktopNotification = z.infer<typeof desktopNotificationSchema>;

export const badgeCountSchema = z.number().int().min(0).max(100_000);

/** Keys of the local preference cache; values are JSON. */
export const prefsKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9.:-]{0,63}$/);

/** The outcome of the notifications self-check, with what the person should do about it. */
export const notificationCheckSchema = z.object({
  /** shown: the OS confirmed it; sent: handed to the OS without confirmation; blocked: the OS
   * or browser refuses them for this app; unsupported: this system has none; failed: an error. */
  outcome: z.enum(['shown', 'sent', 'blocked', 'unsupported', 'failed']),
  /** What to check or fix, in plain words. */
  advice: z.string().max(1000),
});
export type NotificationCheck = z.infer<typeof notificationCheckSchema>;

export interface DesktopBridge {
  readonly kind: 'electron' | 'web';
  /** Base URL of the inbox server, e.g. http://127.0.0.1:4780. */
  serverUrl(): Promise<string>;
  /** Show a native notification if the member's preferences allow it; one per conversation,
   * a newer one replaces the older. */
  notify(notification: DesktopNotification): void;
  /** Called with the conversation id when the user clicks a notification. Returns unsubscribe. */
  onNotificationClick(listener: (conversationId: number) => void): () => void;
  /** Unread badge on the dock / taskbar / tray; 0 clears it. */
  setBadgeCount(count: number): void;
  /** Local preference cache (electron-store on desktop, localStorage in a browser). */
  readPref(key: string): Promise<unknown>;
  writePref(key: string, value: unknown): Promise<void>;
  /** How this computer is set up, and which settings IT fixed (a browser has none fixed). */
  managedConfig(): Promise<ManagedConfigView>;
  /** Changes a setting IT left open on this computer (desktop only); answers the new view. */
  chooseSetting(key: ComputerSettingKey, value: boolean): Promise<ManagedConfigView>;
  /** Sends a test notification and says what to fix if the OS or browser blocks it. */
  testNotification(): Promise<NotificationCheck>;
  /** How automatic updates stand on this computer (a browser: off). */
  updateStatus(): Promise<UpdateStatus>;
  /** Looks for an update now; answers the status once the check has started. */
  checkForUpdates(): Promise<UpdateStatus>;
  /** Restarts to install the downloaded update, once no reply is waiting to be sent. */
  installUpdate(): Promise<UpdateStatus>;
  /** Called whenever the update status changes. Returns unsubscribe. */
  onUpdateStatus(listener: (status: UpdateStatus) => void): () => void;
  /** Opens the folder of the app's log files (desktop only). */
  openLogsFolder(): Promise<void>;
  /** Copies support diagnostics (no message text, no secrets) to the clipboard; answers them. */
  copyDiagnostics(): Promise<string>;
}

/** Name under which the preload exposes the bridge: `window.desktop`. */
export const BRIDGE_GLOBAL = 'desktop';
