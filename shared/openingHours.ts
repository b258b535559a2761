// Opening hours of a location and whether it is open at an instant. Hours are wall-clock times
// in the location's own time zone (so 09:00 stays 09:00 across a daylight-saving change), read
// with Intl: no time-zone library.
import { z } from 'zod';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const RANGES_PER_DAY_MAX = 4;
export const CLOSED_DATES_MAX = 100;
export const AUTO_REPLY_MAX_LENGTH = 1000;
/** A conversation gets at most one automatic reply in this long. */
export const AUTO_REPLY_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** "HH:MM", 00:00–24:00 (24:00 closes at midnight). */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time such as 09:00 or 17:30.');

export const openingRangeSchema = z
  .object({ opens: clockTimeSchema, closes: clockTimeSchema })
  .refine((range) => minutesOf(range.opens) < minutesOf(range.closes), {
    message: 'Closing time must be after opening time.',
    path: ['closes'],
  });
export type OpeningRange = z.infer<typeof openingRangeSchema>;

const dayRangesSchema = z
  .array(openingRangeSchema)
  .max(RANGES_PER_DAY_MAX, `At most ${RANGES_PER_DAY_MAX} opening times a day.`)
  .refine((ranges) => !overlaps(ranges), { message: 'Opening times of one day must not overlap.' });

/** A calendar date in the location's zone, "YYYY-MM-DD". */
export const calendarDateSchema = z.iso.date('Use a date such as 2026-12-25.');

export const openingHoursSchema = z.object({
  /** Monday first, seven days; a day without ranges is closed. */
  weekly: z.array(dayRangesSchema).length(7),
  /** Whole days closed (holidays), in the location's zone. */
  closedDates: z
    .array(calendarDateSchema)
    .max(CLOSED_DATES_MAX, `At most ${CLOSED_DATES_MAX} closed dates.`)
    .refine((dates) => new Set(dates).size === dates.length, { message: 'Each closed date can be listed once.' }),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** Off by default: nothing is sent until a manager turns it on; a reply that is on needs text. */
export const afterHoursReplySchema = z
  .object({
    enabled: z.boolean(),
    text: z.string().trim().max(AUTO_REPLY_MAX_LENGTH, `The reply can be at most ${AUTO_REPLY_MAX_LENGTH} characters.`),
  })
  .refine((reply) => !reply.enabled || reply.text !== '', {
    message: 'Write the reply clients get outside opening hours, or turn it off.',
    path: ['text'],
  });
export type AfterHoursReply = z.infer<typeof afterHoursReplySchema>;

/** What a manager edits for one location. */
export const locationHoursSchema = z.object({ hours: openingHoursSchema, reply: afterHoursReplySchema });
export type LocationHours = z.infer<typeof locationHoursSchema>;

export const CLOSED_ALL_WEEK: OpeningHours = { weekly: [[], [], [], [], [], [], []], closedDates: [] };

export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function overlaps(ranges: readonly OpeningRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
  return sorted.some((range, index) => index > 0 && minutesOf(range.opens) < minutesOf(sorted[index - 1]!.closes));
}

/** An instant as the location's wall clock shows it. */
export type WallClock = { date: string; weekdayIndex: number; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Whether Intl knows the zone (an IANA name such as Europe/London). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallClockAt(at: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekdayIndex: WEEKDAY_SHORT.indexOf(parts.weekday ?? ''),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Open at `at`: not a closed date, and inside one of that weekday's ranges (closing excluded). */
export function isOpenAt(hours: OpeningHours, at: number, timeZone: string): boolean {
  const clock = wallClockAt(at, timeZone);
  if (hours.closedDates.includes(clock.date)) return false;
  const ranges = hours.weekly[clock.weekdayIndex] ?? [];
  return ranges.some((range) => minutesOf(range.opens) <= clock.minutes && clock.minutes < minutesOf(range.closes));
}
