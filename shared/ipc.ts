// The IPC channel map between preload and main. Main parses every argument with these schemas.
import { z } from 'zod';
import { badgeCountSchema, desktopNotificationSchema, prefsKeySchema } from './bridge';
import { idSchema } from './domain';

/** renderer → main, answered (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  'desktop:server-url': { args: z.tuple([]), result: z.string() },
  'desktop:pref-read': { args: z.tuple([prefsKeySchema]), result: z.unknown() },
  'desktop:pref-write': { args: z.tuple([prefsKeySchema, z.unknown()]), result: z.null() },
} as const;

/** renderer → main, fire and forget (ipcRenderer.send / ipcMain.on). */
export const sendChannels = {
  'desktop:notify': z.tuple([desktopNotificationSchema]),
  'desktop:badge': z.tuple([badgeCountSchema]),
} as const;

/** main → renderer (webContents.send / ipcRenderer.on). */
export const pushChannels = {
  'desktop:notification-click': z.tuple([idSchema]),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type SendChannel = keyof typeof sendChannels;
export type PushChannel = keyof typeof pushChannels;
