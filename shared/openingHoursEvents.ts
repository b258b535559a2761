// Opening hours and the after-hours automatic reply of each location, for managers: read them
// and save one location's, based on the version read (a stale save is a conflict).
import { z } from 'zod';
import { idSchema, timestampSchema } from './domain';
import { locationHoursSchema } from './openingHours';

export const locationHoursStateSchema = z.object({
  locationId: idSchema,
  locationName: z.string(),
  /** The location's IANA time zone: the hours and closed dates are read on its clock. */
  timeZone: z.string(),
  settings: locationHoursSchema,
  /** 0 until first saved (closed all week, reply off). */
  version: z.number().int().nonnegative(),
  updatedAt: timestampSchema,
});
export type LocationHoursState = z.infer<typeof locationHoursStateSchema>;

export const openingHoursRequests = {
  /** Each of the manager's locations, in name order. */
  'openingHours:list': {
    permission: 'settings.manage',
    payload: z.object({}),
    result: z.object({ locations: z.array(locationHoursStateSchema) }),
  },
  'openingHours:update': {
    permission: 'settings.manage',
    payload: z.object({ locationId: idSchema, settings: locationHoursSchema, baseVersion: z.number().int().nonnegative() }),
    result: locationHoursStateSchema,
  },
} as const;
