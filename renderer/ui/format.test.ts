import { describe, expect, it } from 'vitest';
import { formatAppointmentTime, formatAuditTime, formatListTime, formatMessageTime } from './format';

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
});
