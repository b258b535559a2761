// Client Connect settings for managers: read them and save a change based on the version read.
import { z } from 'zod';
import { timestampSchema, workspaceSettingsSchema } from './domain';

/** Settings with the version they are at; a save names the version it was based on. */
export const settingsStateSchema = z.object({
  settings: workspaceSettingsSchema,
  version: z.number().int().nonnegative(),
  updatedAt: timestampSchema,
});
export type SettingsState = z.infer<typeof settingsStateSchema>;

export const settingsRequests = {
  'settings:update': {
    permission: 'settings.manage',
    payload: z.object({ settings: workspaceSettingsSchema, baseVersion: z.number().int().nonnegative() }),
    result: settingsStateSchema,
  },
  'settings:get': { permission: 'settings.manage', payload: z.object({}), result: settingsStateSchema },
} as const;
