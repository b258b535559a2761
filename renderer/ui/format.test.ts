import { describe, expect, it } from 'vitest';
import { builtFormatters, formatAppointmentTime, formatAuditTime, formatListTime, formatMessageTime, warmUpFormatters } from './format';

const utc = { locale: 'en-GB', timeZone: 'UTC' };
const now = Date.UTC(2025, 11, 3, 15, 0); // Wed 3 Dec 2025, 15:00

describe('date formats', () => {
  it('formats appointment times with the day', () => {
    expect(formatAppointmentTime(Date.UTC(2025, 11, 2, 14, 30), utc)).toBe('Tue 2 Dec, 14:30');
  });

  it("shows only the time for today's messages", () => {
    expect(formatMessageTime(Date.UTC(2025, 11, 3, 9, 5), now, utc)).toBe('09:05');
    expect(formatMessageTime(Date.UTC(2025, 11, 1, 9, 5), now, utc)).toBe('1 Dec, 09:05');
  });

  it("uses the locale's clock", () => {
    const us = { locale: 'en-US', timeZone: 'UTC' };
    expect(formatMessageTime(Date.UTC(2025, 11, 3, 14, 5), now, us)).toBe('2:05 PM');
    expect(formatAppointmentTime(Date.UTC(2025, 11, 2, 14, 30), us)).toBe('Tue, Dec 2, 2:30 PM');
  });

  it('compacts list times by age', () => {
    expect(formatListTime(Date.UTC(2025, 11, 3, 8, 0), now, utc)).toBe('08:00');
    expect(formatListTime(Date.UTC(2025, 11, 1, 8, 0), now, utc)).toBe('Mon');
    expect(formatListTime(Date.UTC(2025, 10, 1, 8, 0), now, utc)).toBe('1 Nov');
  });

  it('dates audit entries with the year unless they are from today', () => {
    expect(formatAuditTime(Date.UTC(2025, 11, 3, 9, 5), now, utc)).toBe('Today, 09:05');
    expect(formatAuditTime(Date.UTC(2024, 10, 1, 9, 5), now, utc)).toBe('1 Nov 2024, 09:05');
  });

  it("reads days in the computer's own zone as Intl does there", () => {
    const here = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    for (const hoursAgo of [0, 1, 5, 12, 23, 24, 30, 100, 200, 2000]) {
      const timestamp = now - hoursAgo * 3_600_000;
      expect(formatListTime(timestamp, now), `${hoursAgo} h ago`).toBe(formatListTime(timestamp, now, here));
      expect(formatMessageTime(timestamp, now), `${hoursAgo} h ago`).toBe(formatMessageTime(timestamp, now, here));
    }
  });

  it('builds ahead every formatter the list rows use, so the rows build none', () => {
    warmUpFormatters();
    const built = builtFormatters();
    formatListTime(now - 60_000, now);
    formatListTime(now - 3 * 86_400_000, now);
    formatListTime(now - 30 * 86_400_000, now);
    formatAppointmentTime(now);
    expect(builtFormatters()).toBe(built);
  });
});
