// The IPC channel map between preload and main. Main parses every argument with these schemas.
import { z } from 'zod';
import { badgeCountSchema, desktopNotificationSchema, notificationCheckSchema, prefsKeySchema } from './bridge';
import { idSchema } from './domain';

export const AUTO_LOCK_MINUTES_MAX = 24 * 60;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

/**
 * What IT preset for this computer in its managed configuration file (or the environment),
 * merged over the defaults. The settings screen shows `locked` ones read-only.
 */
export const managedSettingsSchema = z.object({
  serverMode: z.enum(['embedded', 'remote']),
  /** The remote server's origin; null in embedded mode. */
  serverUrl: z.string().nullable(),
  /** The location this computer belongs to, by id or by name; null lets staff choose. */
  location: z.union([idSchema, z.string()]).nullable(),
  startAtLogin: z.boolean(),
  startMinimized: z.boolean(),
  autoUpdate: z.boolean(),
  /** Where updates come from; null: the inbox server's own feed (its /updates/ folder). */
  updateUrl: z.string().nullable(),
  /** Embedded mode: whether other computers on the network may connect to this one's server. */
  allowLanConnections: z.boolean(),
  /** Embedded mode: the server's port; null picks one (4780 when LAN connections are allowed). */
  port: z.number().int().min(1).max(65535).nullable(),
  /** Minutes without use before the screen locks on a shared computer; 0 never locks. */
  autoLockMinutes: z.number().int().min(0).max(AUTO_LOCK_MINUTES_MAX),
});
export type ManagedSettings = z.infer<typeof managedSettingsSchema>;
export type ManagedSettingKey = keyof ManagedSettings;

/** Every setting as it is when nothing fixes it. */
export const DEFAULT_MANAGED_SETTINGS: ManagedSettings = {
  serverMode: 'embedded',
  serverUrl: null,
  location: null,
  startAtLogin: false,
  startMinimized: false,
  autoUpdate: true,
  updateUrl: null,
  allowLanConnections: false,
  port: null,
  autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
};

export const managedConfigViewSchema = z.object({
  settings: managedSettingsSchema,
  locked: z.array(managedSettingsSchema.keyof()),
  /** Why IT's configuration file was ignored, in plain words; null when it was fine or absent. */
  problem: z.string().nullable(),
});
export type ManagedConfigView = z.infer<typeof managedConfigViewSchema>;

/** Settings someone at the computer may choose where IT's configuration leaves them open. */
export const computerSettingKeySchema = z.enum(['startAtLogin', 'startMinimized']);
export type ComputerSettingKey = z.infer<typeof computerSettingKeySchema>;

/** How this computer's automatic updates stand, for Settings → This computer. */
export const updateStatusSchema = z.object({
  state: z.enum(['off', 'idle', 'checking', 'up-to-date', 'no-feed', 'downloading', 'ready', 'error']),
  /** Why updates are off: IT turned them off, or this copy of the app cannot update itself. */
  offReason: z.enum(['managed', 'not-installed', 'browser']).nullable(),
  currentVersion: z.string().max(64),
  /** The newer version found, being downloaded or ready to install. */
  version: z.string().max(64).nullable(),
  /** Download progress, 0–100. */
  percent: z.number().min(0).max(100).nullable(),
  /** Where the app looks for updates. */
  feedUrl: z.string().max(2048).nullable(),
  /** When the last check finished (ms since the epoch). */
  checkedAt: z.number().nullable(),
  /** Replies waiting in this computer's outbox: a downloaded update is not installed until they are sent. */
  waitingReplies: z.number().int().min(0),
  /** "Restart to update" was chosen: it restarts as soon as no reply is waiting. */
  installRequested: z.boolean(),
  /** What went wrong, in plain words; null when nothing did. */
  problem: z.string().max(1000).nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/** renderer → main, answered (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  'desktop:server-url': { args: z.tuple([]), result: z.string() },
  'desktop:pref-read': { args: z.tuple([prefsKeySchema]), result: z.unknown() },
  'desktop:pref-write': { args: z.tuple([prefsKeySchema, z.unknown()]), result: z.null() },
  'desktop:managed-config': { args: z.tuple([]), result: managedConfigViewSchema },
  'desktop:notification-test': { args: z.tuple([]), result: notificationCheckSchema },
  'desktop:choose-setting': { args: z.tuple([computerSettingKeySchema, z.boolean()]), result: managedConfigViewSchema },
  'desktop:update-status': { args: z.tuple([]), result: updateStatusSchema },
  'desktop:update-check': { args: z.tuple([]), result: updateStatusSchema },
  /** Restart now to install the downloaded update, or as soon as no reply waits to be sent. */
  'desktop:update-install': { args: z.tuple([]), result: updateStatusSchema },
  'desktop:open-logs': { args: z.tuple([]), result: z.null() },
  /** Puts the support diagnostics on the clipboard and answers the same text. */
  'desktop:copy-diagnostics': { args: z.tuple([]), result: z.string().max(100_000) },
} as const;

/** renderer → main, fire and forget (ipcRenderer.send / ipcMain.on). */
export const sendChannels = {
  'desktop:notify': z.tuple([desktopNotificationSchema]),
  'desktop:badge': z.tuple([badgeCountSchema]),
} as const;

/** main → renderer (webContents.send / ipcRenderer.on). */
export const pushChannels = {
  'desktop:notification-click': z.tuple([idSchema]),
  'desktop:update-status': z.tuple([updateStatusSchema]),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type SendChannel = keyof typeof sendChannels;
export type PushChannel = keyof typeof pushChannels;
