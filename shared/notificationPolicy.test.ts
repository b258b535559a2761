import { describe, expect, it } from 'vitest';
import { decideNotification, inQuietHours, notificationText, type NotificationSituation } from './notificationPolicy';
import { DEFAULT_NOTIFICATION_PREFS, formatMinuteOfDay, notificationPrefsSchema, parseMinuteOfDay } from './profile';

const situation = (changes: Partial<NotificationSituation> = {}): NotificationSituation => ({
  prefs: DEFAULT_NOTIFICATION_PREFS,
  locationId: 1,
  conversationOpen: false,
  windowFocused: false,
  minuteOfDay: 600,
  locked: false,
  ...changes,
});

describe('notification policy', () => {
  it('decides from preferences, focus, location, quiet hours and the lock', () => {
    expect(decideNotification(situation())).toEqual({ notify: true, silent: false, preview: true, showSender: true });
    expect(decideNotification(situation({ conversationOpen: true, windowFocused: true }))).toEqual({ notify: false, reason: 'looking' });
    expect(decideNotification(situation({ conversationOpen: true, windowFocused: false }))).toMatchObject({ notify: true });
    expect(decideNotification(situation({ conversationOpen: false, windowFocused: true }))).toMatchObject({ notify: true });
    expect(decideNotification(situation({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, mutedLocationIds: [1] } }))).toEqual({ notify: false, reason: 'muted-location' });
    expect(decideNotification(situation({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, desktop: false } }))).toEqual({ notify: false, reason: 'off' });
    expect(decideNotification(situation({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, sound: false, showPreview: false } }))).toEqual({
      notify: true, silent: true, preview: false, showSender: true,
    });
    expect(decideNotification(situation({ locked: true, conversationOpen: true, windowFocused: true }))).toEqual({
      notify: true, silent: false, preview: false, showSender: false,
    });
    expect(decideNotification(situation({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, quietHours: { start: 540, end: 660 } } }))).toEqual({ notify: false, reason: 'quiet-hours' });
  });

  it('assignments follow the same rules, can be turned off on their own, and quote no message', () => {
    const assignment = (changes: Partial<NotificationSituation> = {}) => situation({ about: 'assignment', ...changes });
    expect(decideNotification(assignment())).toEqual({ notify: true, silent: false, preview: true, showSender: true });
    expect(decideNotification(assignment({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, assignments: false } }))).toEqual({ notify: false, reason: 'off' });
    expect(decideNotification(situation({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, assignments: false } }))).toMatchObject({ notify: true });
    expect(decideNotification(assignment({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, showPreview: false } }))).toMatchObject({ preview: true });
    expect(decideNotification(assignment({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, quietHours: { start: 540, end: 660 } } }))).toEqual({ notify: false, reason: 'quiet-hours' });
    expect(decideNotification(assignment({ locked: true }))).toEqual({ notify: true, silent: false, preview: false, showSender: false });
  });

  it('mentions follow the same rules, can be turned off on their own, and quote no note', () => {
    const mention = (changes: Partial<NotificationSituation> = {}) => situation({ about: 'mention', ...changes });
    expect(decideNotification(mention())).toEqual({ notify: true, silent: false, preview: true, showSender: true });
    expect(decideNotification(mention({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, mentions: false } }))).toEqual({ notify: false, reason: 'off' });
    expect(decideNotification(situation({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, mentions: false } }))).toMatchObject({ notify: true });
    expect(decideNotification(mention({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, assignments: false } }))).toMatchObject({ notify: true });
    expect(decideNotification(mention({ prefs: { ...DEFAULT_NOTIFICATION_PREFS, desktop: false } }))).toEqual({ notify: false, reason: 'off' });
    expect(decideNotification(mention({ locked: true }))).toEqual({ notify: true, silent: false, preview: false, showSender: false });
  });

  it('reads quiet hours within a day and across midnight, end excluded', () => {
    expect(inQuietHours(720, { start: 720, end: 780 })).toBe(true);
    expect(inQuietHours(780, { start: 720, end: 780 })).toBe(false);
    expect(inQuietHours(23 * 60, { start: 22 * 60, end: 7 * 60 })).toBe(true);
    expect(inQuietHours(0, { start: 22 * 60, end: 7 * 60 })).toBe(true);
    expect(inQuietHours(12 * 60, { start: 22 * 60, end: 7 * 60 })).toBe(false);
    expect(inQuietHours(12 * 60, null)).toBe(false);
  });

  it('words the notification by the decision', () => {
    const text = { title: 'Ava', body: 'See you at 3' };
    expect(notificationText({ notify: true, silent: false, preview: true, showSender: true }, text)).toEqual(text);
    expect(notificationText({ notify: true, silent: false, preview: false, showSender: true }, text)).toEqual({ title: 'Ava', body: 'New message' });
    expect(notificationText({ notify: true, silent: false, preview: false, showSender: false }, text)).toEqual({ title: 'New client message', body: 'Unlock the screen to read it.' });
  });

  it('refuses quiet hours that start when they end, and converts HH:MM', () => {
    expect(notificationPrefsSchema.safeParse({ ...DEFAULT_NOTIFICATION_PREFS, quietHours: { start: 60, end: 60 } }).success).toBe(false);
    expect(formatMinuteOfDay(7 * 60 + 5)).toBe('07:05');
    expect(parseMinuteOfDay('22:30')).toBe(22 * 60 + 30);
    expect(parseMinuteOfDay('24:00')).toBeNull();
  });
});
