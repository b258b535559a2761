// Dates as the front desk reads them. Locale and time zone default to the computer's; tests
// pin them. Times use the locale's own clock ("14:30" or "2:30 PM").
export interface FormatOptions {
  locale?: string;
  timeZone?: string;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a scrolling list
// formats on every frame: keep one per locale, time zone and pattern.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** The calendar day of a moment, to compare days: the computer's own from Date (building an
 * Intl formatter for another locale costs tens of ms, on the way to the first rows), another
 * zone's through Intl. */
function dayKey(timestamp: number, timeZone: string | undefined): string {
  if (timeZone === undefined) {
    const date = new Date(timestamp);
    return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
  }
  return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(timestamp);
}

const format = (timestamp: number, options: Intl.DateTimeFormatOptions, { locale, timeZone }: FormatOptions) =>
  formatter(locale, { ...options, timeZone }).format(timestamp);

const time = (timestamp: number, options: FormatOptions) => format(timestamp, { timeStyle: 'short' }, options);

/** What the conversation list's rows format with, in the computer's locale and zone. */
const LIST_PATTERNS: readonly Intl.DateTimeFormatOptions[] = [
  { timeStyle: 'short' },
  { weekday: 'short' },
  { day: 'numeric', month: 'short' },
  { weekday: 'short', day: 'numeric', month: 'short' },
];

/** Builds the formatters the inbox's first rows need ahead of them (the first one also loads
 * the locale's data), while the app waits anyway: for the sign-in answer. */
export function warmUpFormatters(): void {
  for (const options of LIST_PATTERNS) formatter(undefined, { ...options, timeZone: undefined });
}

/** How many formatters exist (for tests: what formatting built). */
export const builtFormatters = (): number => formatters.size;

/** "Tue 3 Dec, 14:30": when an appointment is. */
export function formatAppointmentTime(timestamp: number, options: FormatOptions = {}): string {
  const day = format(timestamp, { weekday: 'short', day: 'numeric', month: 'short' }, options);
  return `${day}, ${time(timestamp, options)}`;
}

/** "14:30" today, "3 Dec, 14:30" before: when a message was sent. */
export function formatMessageTime(timestamp: number, now: number, options: FormatOptions = {}): string {
  if (dayKey(timestamp, options.timeZone) === dayKey(now, options.timeZone)) return time(timestamp, options);
  return `${format(timestamp, { day: 'numeric', month: 'short' }, options)}, ${time(timestamp, options)}`;
}

/** "14:30" today, "Tue" this week, "3 Dec" before: compact, for the conversation list. */
export function formatListTime(timestamp: number, now: number, options: FormatOptions = {}): string {
  if (dayKey(timestamp, options.timeZone) === dayKey(now, options.timeZone)) return time(timestamp, options);
  const sixDaysMs = 6 * 24 * 60 * 60 * 1000;
  if (now - timestamp < sixDaysMs) return format(timestamp, { weekday: 'short' }, options);
  return format(timestamp, { day: 'numeric', month: 'short' }, options);
}

/** "Today, 14:30" or "3 Dec 2025, 14:30": when an audited change was made. The year is
 * always there for older entries, as an audit log reaches back further than a chat. */
export function formatAuditTime(timestamp: number, now: number, options: FormatOptions = {}): string {
  if (dayKey(timestamp, options.timeZone) === dayKey(now, options.timeZone)) return `Today, ${time(timestamp, options)}`;
  return `${format(timestamp, { day: 'numeric', month: 'short', year: 'numeric' }, options)}, ${time(timestamp, options)}`;
}
