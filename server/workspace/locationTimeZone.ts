// The clock a location's times are read on: its own time zone, or the server's when it has none
// (or one this runtime does not know), so opening hours, snoozes, quick replies' dates and the
// session's locations all agree.
import { isKnownTimeZone } from '../../shared/openingHours';
import type { Repositories } from '../repositories';

const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function locationTimeZone(repos: Repositories, locationId: number): string {
  const own = repos.workspace.timeZoneOf(locationId);
  return own !== null && isKnownTimeZone(own) ? own : SERVER_TIME_ZONE;
}
