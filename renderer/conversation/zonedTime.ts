// Wall-clock times in a location's IANA time zone, with only Intl: the snooze menu offers
// "Tomorrow 9:00" where the salon is, whatever zone this computer is set to.

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in the zone at an instant, and its weekday (0 = Sunday). */
export function wallTimeAt(timestamp: number, timeZone: string): WallTime & { weekday: number } {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(timestamp).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(timestamp: number, timeZone: string): number {
  const wall = wallTimeAt(timestamp, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(timestamp / 1000) * 1000;
}

/** The instant a wall-clock time happens in the zone. A time the clocks skip (spring forward)
 * lands just after the gap; a time that happens twice (fall back) is its first occurrence. */
export function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsetBefore = offsetAt(asUtc - 24 * 60 * 60 * 1000, timeZone);
  const offsetAfter = offsetAt(asUtc + 24 * 60 * 60 * 1000, timeZone);
  // Try the earlier offset first (the first occurrence), then the later one.
  for (const offset of [Math.max(offsetBefore, offsetAfter), Math.min(offsetBefore, offsetAfter)]) {
    const candidate = asUtc - offset;
    if (offsetAt(candidate, timeZone) === offset) return candidate;
  }
  // In a skipped hour: the clocks read this time only after moving on by the gap.
  return asUtc - Math.min(offsetBefore, offsetAfter);
}

/** The calendar day `days` after the wall time's day (month and year lengths handled by Date). */
export function addDays(wall: Pick<WallTime, 'year' | 'month' | 'day'>, days: number): Pick<WallTime, 'year' | 'month' | 'day'> {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
