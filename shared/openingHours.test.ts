import { describe, expect, it } from 'vitest';
import { isOpenAt, locationHoursSchema, wallClockAt, type OpeningHours } from './openingHours';
import { testRandom } from './testing/testRandom';

const nineToFive = [{ opens: '09:00', closes: '17:00' }];
const weekdays: OpeningHours = { weekly: [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, [], []], closedDates: [] };

describe('opening hours', () => {
  it('reads the wall clock of a zone, across a daylight-saving change', () => {
    expect(wallClockAt(Date.UTC(2026, 2, 28, 8, 30), 'Europe/London')).toEqual({ date: '2026-03-28', weekdayIndex: 5, minutes: 8 * 60 + 30 });
    expect(wallClockAt(Date.UTC(2026, 2, 29, 8, 30), 'Europe/London')).toEqual({ date: '2026-03-29', weekdayIndex: 6, minutes: 9 * 60 + 30 });
    // Autumn in New York: 1 November 2026, 06:30 UTC is 01:30 EST after the hour repeated.
    expect(wallClockAt(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toEqual({ date: '2026-11-01', weekdayIndex: 6, minutes: 90 });
    // Just before midnight in Auckland is already the next day there.
    expect(wallClockAt(Date.UTC(2026, 5, 1, 11, 59), 'Pacific/Auckland').date).toBe('2026-06-01');
    expect(wallClockAt(Date.UTC(2026, 5, 1, 12, 0), 'Pacific/Auckland')).toMatchObject({ date: '2026-06-02', minutes: 0 });
  });

  it('is open inside a range, closed at its closing minute, on days without ranges and on closed dates', () => {
    const monday = (hour: number, minute = 0) => Date.UTC(2026, 2, 2, hour, minute);
    expect(isOpenAt(weekdays, monday(9), 'UTC')).toBe(true);
    expect(isOpenAt(weekdays, monday(8, 59), 'UTC')).toBe(false);
    expect(isOpenAt(weekdays, monday(16, 59), 'UTC')).toBe(true);
    expect(isOpenAt(weekdays, monday(17), 'UTC')).toBe(false);
    expect(isOpenAt(weekdays, Date.UTC(2026, 2, 7, 12), 'UTC')).toBe(false); // Saturday
    expect(isOpenAt({ ...weekdays, closedDates: ['2026-03-02'] }, monday(12), 'UTC')).toBe(false);
    // 24:00 closes at midnight; two ranges a day leave the lunch hour closed.
    const split: OpeningHours = { weekly: Array.from({ length: 7 }, () => [{ opens: '09:00', closes: '12:00' }, { opens: '13:00', closes: '24:00' }]), closedDates: [] };
    expect([monday(11, 59), monday(12, 30), monday(13), monday(23, 59)].map((at) => isOpenAt(split, at, 'UTC'))).toEqual([true, false, true, true]);
  });

  it('agrees with plain offset arithmetic for fixed-offset zones (seeded random instants and hours)', () => {
    const random = testRandom();
    const pick = (n: number) => Math.floor(random() * n);
    const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    for (let round = 0; round < 300; round += 1) {
      const offsetHours = pick(25) - 12; // Etc/GMT+5 is UTC-5: the sign is inverted in these names
      const zone = offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
      const weekly = Array.from({ length: 7 }, () => {
        if (random() < 0.3) return [];
        const opens = pick(24 * 60 - 1);
        const closes = opens + 1 + pick(24 * 60 - opens);
        return [{ opens: time(opens), closes: closes === 24 * 60 ? '24:00' : time(closes) }];
      });
      const at = Date.UTC(2026, 0, 1) + pick(365 * 24 * 60) * 60_000;
      const local = new Date(at + offsetHours * 60 * 60 * 1000);
      const weekdayIndex = (local.getUTCDay() + 6) % 7;
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
      const range = weekly[weekdayIndex]![0];
      const toMinutes = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3));
      const expected = range !== undefined && toMinutes(range.opens) <= minutes && minutes < toMinutes(range.closes);
      expect(isOpenAt({ weekly, closedDates: [] }, at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(expected);
    }
  });

  it('reports every problem of a form at once', () => {
    const parsed = locationHoursSchema.safeParse({
      hours: {
        weekly: [[{ opens: '17:00', closes: '09:00' }], [{ opens: '25:00', closes: '26:00' }], [{ opens: '09:00', closes: '12:00' }, { opens: '11:00', closes: '15:00' }], [], [], [], []],
        closedDates: ['not a date'],
      },
      reply: { enabled: true, text: '' },
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['hours.weekly.0.0.closes', 'hours.weekly.1.0.opens', 'hours.weekly.1.0.closes', 'hours.weekly.2', 'hours.closedDates.0', 'reply.text']));
    expect(locationHoursSchema.safeParse({ hours: weekdays, reply: { enabled: false, text: '' } }).success).toBe(true);
  });
});
