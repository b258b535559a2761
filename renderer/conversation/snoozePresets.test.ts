// Snooze choices are the salon's wall-clock times, across daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { customSnoozeTime, formatSnoozeTime, LATER_TODAY_MS, snoozePresets } from './snoozePresets';
import { instantOf, wallTimeAt } from './zonedTime';

const at = (iso: string) => Date.parse(iso);
const presetsAt = (iso: string, zone: string) => Object.fromEntries(snoozePresets(at(iso), zone).map((preset) => [preset.id, preset.until]));

describe('snooze presets', () => {
  it('Europe/London: tomorrow 9:00 after the clocks go back is 9:00 GMT, not BST', () => {
    // Saturday 25 Oct 2025, 20:00 BST; the clocks go back early on Sunday 26 Oct.
    const presets = presetsAt('2025-10-25T19:00:00Z', 'Europe/London');
    expect(presets.tomorrow).toBe(at('2025-10-26T09:00:00Z'));
    expect(presets['next-week']).toBe(at('2025-10-27T09:00:00Z'));
    expect(presets['later-today']).toBe(at('2025-10-25T19:00:00Z') + LATER_TODAY_MS);
  });

  it('Europe/London: next Monday 9:00 across the spring change is 9:00 BST', () => {
    // Thursday 27 Mar 2025, 10:00 GMT; the clocks go forward on Sunday 30 Mar.
    const presets = presetsAt('2025-03-27T10:00:00Z', 'Europe/London');
    expect(presets.tomorrow).toBe(at('2025-03-28T09:00:00Z'));
    expect(presets['next-week']).toBe(at('2025-03-31T08:00:00Z'));
  });

  it('America/New_York: "tomorrow" is the salon\'s tomorrow, even when it is already tomorrow in UTC', () => {
    // Saturday 1 Nov 2025, 22:00 EDT = Sunday 02:00 UTC; the clocks go back on Sunday 2 Nov.
    const presets = presetsAt('2025-11-02T02:00:00Z', 'America/New_York');
    expect(presets.tomorrow).toBe(at('2025-11-02T14:00:00Z'));
    expect(presets['next-week']).toBe(at('2025-11-03T14:00:00Z'));
  });

  it('Australia/Sydney: a Monday offers the Monday a week later, after the clocks go forward', () => {
    // Monday 29 Sep 2025, 10:00 AEST; Sydney moves to AEDT on Sunday 5 Oct.
    const presets = presetsAt('2025-09-29T00:00:00Z', 'Australia/Sydney');
    expect(presets.tomorrow).toBe(at('2025-09-29T23:00:00Z'));
    expect(presets['next-week']).toBe(at('2025-10-05T22:00:00Z'));
  });
});

describe('custom snooze time', () => {
  it('reads the date and time in the location\'s zone, seconds allowed', () => {
    expect(customSnoozeTime('2025-07-01', '14:30:15', 'Europe/London')).toBe(at('2025-07-01T13:30:15Z'));
    expect(customSnoozeTime('2025-12-01', '14:30', 'Europe/London')).toBe(at('2025-12-01T14:30:00Z'));
    expect(customSnoozeTime('2025-07-01', '09:00', 'America/New_York')).toBe(at('2025-07-01T13:00:00Z'));
  });

  it('refuses what is not a time', () => {
    expect(customSnoozeTime('2025-02-31', '09:00', 'Europe/London')).toBeNull();
    expect(customSnoozeTime('2025-02-01', '24:00', 'Europe/London')).toBeNull();
    expect(customSnoozeTime('', '09:00', 'Europe/London')).toBeNull();
  });

  it('a time the clocks skip lands after the gap; one that happens twice is its first occurrence', () => {
    expect(customSnoozeTime('2025-03-30', '01:30', 'Europe/London')).toBe(at('2025-03-30T01:30:00Z'));
    expect(customSnoozeTime('2025-10-26', '01:30', 'Europe/London')).toBe(at('2025-10-26T00:30:00Z'));
  });
});

describe('zoned wall time', () => {
  it('round-trips through the zone', () => {
    const instant = at('2025-06-15T08:45:30Z');
    expect(instantOf(wallTimeAt(instant, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(instant);
  });

  it('formats a snooze time as the location reads it', () => {
    expect(formatSnoozeTime(at('2025-12-02T09:00:00Z'), at('2025-12-01T12:00:00Z'), 'Europe/London')).toBe('Tue 09:00');
    expect(formatSnoozeTime(at('2025-12-20T09:00:00Z'), at('2025-12-01T12:00:00Z'), 'Europe/London')).toBe('20 Dec 09:00');
  });
});
