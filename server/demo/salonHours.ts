// Demo appointments start within salon hours on the hour or half hour, in the server's local
// time (the reception computer's), so the demo never shows a cut booked for 1:13 AM.
const SLOT_MINUTES = 30;
const OPENS_AT = { hours: 9, minutes: 0 };
/** The last start of the day: the salon closes at 18:00. */
const LAST_START = { hours: 17, minutes: 30 };

const minutesOfDay = (date: Date) => date.getHours() * 60 + date.getMinutes();

/** The salon slot for an appointment `offsetMs` from `now`. Future appointments stay in the
 * future: one that would land before `now` moves to the next morning. */
export function salonSlot(now: number, offsetMs: number): number {
  // Rounded up in local time: zones such as Nepal (UTC+5:45) put epoch half hours off the clock's.
  const at = new Date(now + offsetMs);
  const pastSlot = at.getMinutes() % SLOT_MINUTES !== 0 || at.getSeconds() !== 0 || at.getMilliseconds() !== 0;
  at.setMinutes(Math.floor(at.getMinutes() / SLOT_MINUTES) * SLOT_MINUTES + (pastSlot ? SLOT_MINUTES : 0), 0, 0);
  if (minutesOfDay(at) < OPENS_AT.hours * 60 + OPENS_AT.minutes) {
    at.setHours(OPENS_AT.hours, OPENS_AT.minutes, 0, 0);
  } else if (minutesOfDay(at) > LAST_START.hours * 60 + LAST_START.minutes) {
    at.setHours(LAST_START.hours, LAST_START.minutes, 0, 0);
  }
  if (offsetMs > 0 && at.getTime() <= now) {
    at.setDate(at.getDate() + 1);
    at.setHours(OPENS_AT.hours, OPENS_AT.minutes, 0, 0);
  }
  return at.getTime();
}
