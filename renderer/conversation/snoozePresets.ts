// The snooze menu's choices, computed in the conversation's location's time zone: the salon's
// "tomorrow at 9" is what the front desk means, not this computer's.
import { addDays, instantOf, wallTimeAt, type WallTime } from './zonedTime';

export const LATER_TODAY_MS = 3 * 60 * 60 * 1000;
/** Mornings start at 9:00 for "Tomorrow" and "Next week". */
const MORNING_HOUR = 9;
const MONDAY = 1;

export interface SnoozePreset {
  id: 'later-today' | 'tomorrow' | 'next-week';
  label: string;
  until: number;
}

export function snoozePresets(now: number, timeZone: string): SnoozePreset[] {
  const today = wallTimeAt(now, timeZone);
  const morningOf = (day: Pick<WallTime, 'year' | 'month' | 'day'>) =>
    instantOf({ ...day, hour: MORNING_HOUR, minute: 0, second: 0 }, timeZone);
  // The coming Monday; on a Monday, the one a week later.
  const daysToMonday = ((MONDAY - today.weekday + 7) % 7) || 7;
  return [
    { id: 'later-today', label: 'Later today', until: now + LATER_TODAY_MS },
    { id: 'tomorrow', label: 'Tomorrow 9:00', until: morningOf(addDays(today, 1)) },
    { id: 'next-week', label: 'Next week', until: morningOf(addDays(today, daysToMonday)) },
  ];
}

/** A date ("2026-12-03") and time ("09:00" or "09:00:30") typed for the location, as an
 * instant; null when they do not make a time. */
export function customSnoozeTime(date: string, time: string, timeZone: string): number | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [year, month, day] = dateMatch.slice(1, 4).map(Number) as [number, number, number];
  const [hour, minute] = timeMatch.slice(1, 3).map(Number) as [number, number];
  const second = Number(timeMatch[3] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  // 31 February is not a day: Date would roll it into March.
  const check = addDays({ year, month, day }, 0);
  if (check.month !== month || check.day !== day) return null;
  return instantOf({ year, month, day, hour, minute, second }, timeZone);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The date and time fields' starting values for an instant in the zone. */
export function wallFields(timestamp: number, timeZone: string): { date: string; time: string } {
  const wall = wallTimeAt(timestamp, timeZone);
  return { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

/** "Tue 09:00" within a week, "3 Dec 09:00" later: a snooze time in the location's zone. */
export function formatSnoozeTime(until: number, now: number, timeZone: string): string {
  const sixDaysMs = 6 * 24 * 60 * 60 * 1000;
  const dayPart = new Intl.DateTimeFormat('en-GB', until - now < sixDaysMs ? { timeZone, weekday: 'short' } : { timeZone, day: 'numeric', month: 'short' }).format(until);
  const timePart = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(until);
  return `${dayPart} ${timePart}`;
}
