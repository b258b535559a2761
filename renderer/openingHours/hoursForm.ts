// The opening-hours form's rules, apart from its component: every problem of a draft at once,
// keyed by the field it belongs to (the same schema the server parses with), and the edits.
import { locationHoursSchema, type LocationHours, type OpeningRange } from '../../shared/openingHours';

/** Field key ("hours.weekly.0.1.closes", "reply.text", …) → its problem. */
export type FormProblems = Record<string, string>;

export function formProblems(draft: LocationHours): FormProblems {
  const parsed = locationHoursSchema.safeParse(draft);
  if (parsed.success) return {};
  const problems: FormProblems = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    problems[key] ??= issue.message;
  }
  return problems;
}

export const problemCount = (problems: FormProblems) => Object.keys(problems).length;

const DEFAULT_RANGE: OpeningRange = { opens: '09:00', closes: '17:00' };

const withDay = (draft: LocationHours, day: number, ranges: OpeningRange[]): LocationHours => ({
  ...draft,
  hours: { ...draft.hours, weekly: draft.hours.weekly.map((current, index) => (index === day ? ranges : current)) },
});

/** A new range after the day's last one (from its closing time), or 09:00–17:00. */
export function addRange(draft: LocationHours, day: number): LocationHours {
  const ranges = draft.hours.weekly[day] ?? [];
  const last = ranges.at(-1);
  const next = last && last.closes < '23:00' ? { opens: last.closes, closes: '23:59' } : DEFAULT_RANGE;
  return withDay(draft, day, [...ranges, next]);
}

export function removeRange(draft: LocationHours, day: number, index: number): LocationHours {
  return withDay(draft, day, (draft.hours.weekly[day] ?? []).filter((_, at) => at !== index));
}

export function setRangeTime(draft: LocationHours, day: number, index: number, end: 'opens' | 'closes', value: string): LocationHours {
  return withDay(draft, day, (draft.hours.weekly[day] ?? []).map((range, at) => (at === index ? { ...range, [end]: value } : range)));
}

export function addClosedDate(draft: LocationHours, date: string): LocationHours {
  return { ...draft, hours: { ...draft.hours, closedDates: [...draft.hours.closedDates, date] } };
}

export function removeClosedDate(draft: LocationHours, index: number): LocationHours {
  return { ...draft, hours: { ...draft.hours, closedDates: draft.hours.closedDates.filter((_, at) => at !== index) } };
}
