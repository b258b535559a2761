// The settings of one computer: what IT presets (managed configuration, OS policy), what the
// people at it may choose, and how its updates stand. Shown on Settings → This computer.
import { z } from 'zod';
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
