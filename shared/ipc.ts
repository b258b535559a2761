// The IPC channel map between preload and main. Main parses every argument with these schemas.
import { z } from 'zod';
import { badgeCountSchema, desktopNotificationSchema, notificationCheckSchema, prefsKeySchema } from './bridge';
import { computerSettingKeySchema, managedConfigViewSchema, updateStatusSchema } from './computerSettings';
import { idSchema } from './domain';

export * from './computerSettings';

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
