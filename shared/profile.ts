// A team member's own notification preferences for client messages (R10): stored on the
// server per member, versioned, and pushed to every device the member is signed in on.
import { z } from 'zod';
import { idSchema, timestampSchema } from './domain';

/** The reminder intervals a member can choose, in minutes. */
export const REMINDER_MINUTES = [5, 10, 15, 30] as const;
export type ReminderMinutes = (typeof REMINDER_MINUTES)[number];

/** Minutes after local midnight, 0–1439; the UI shows them as HH:MM. */
export const minuteOfDaySchema = z.number().int().min(0).max(24 * 60 - 1);

export const quietHoursSchema = z
  .object({ start: minuteOfDaySchema, end: minuteOfDaySchema })
  .refine((hours) => hours.start !== hours.end, { message: 'Quiet hours must start and end at different times.', path: ['end'] });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const notificationPrefsSchema = z.object({
  /** Desktop notifications for new client messages at all. */
  desktop: z.boolean(),
  /** Play the system sound with them. */
  sound: z.boolean(),
  /** Show the message text; off shows "New message" (privacy on a shared reception screen). */
  showPreview: z.boolean(),
  /** The member's own locations they do not want notifications for. Stored as exclusions so a
   * location they start working at later notifies by default. */
  mutedLocationIds: z.array(idSchema).max(100),
  /** No notifications between start and end (local time; may wrap past midnight). */
  quietHours: quietHoursSchema.nullable(),
  /** Notify when a colleague assigns a conversation to the member (saved before it existed: on). */
  assignments: z.boolean().default(true),
  /** Notify when a colleague @mentions the member in a note (saved before it existed: on). */
  mentions: z.boolean().default(true),
  /** Remind the member every this many minutes while a client waits for an answer at their
   * locations; absent (the default, and preferences saved before it existed): no reminders. */
  reminderMinutes: z.union(REMINDER_MINUTES.map((minutes) => z.literal(minutes))).optional(),
});
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  desktop: true,
  sound: true,
  showPreview: true,
  mutedLocationIds: [],
  quietHours: null,
  assignments: true,
  mentions: true,
};

/** Version 0 means never saved: the defaults. Every save moves it on by one. */
export const notificationPrefsStateSchema = z.object({
  prefs: notificationPrefsSchema,
  version: z.number().int().nonnegative(),
  updatedAt: timestampSchema,
});
export type NotificationPrefsState = z.infer<typeof notificationPrefsStateSchema>;

export const profileRequests = {
  'profile:get': { permission: 'signed-in', payload: z.object({}), result: notificationPrefsStateSchema },
  /** A save names the version it was edited from; a stale one is a conflict carrying the current state. */
  'profile:update': {
    permission: 'signed-in',
    payload: z.object({ prefs: notificationPrefsSchema, baseVersion: z.number().int().nonnegative() }),
    result: notificationPrefsStateSchema,
  },
} as const;

export const profilePushes = {
  /** The member's preferences changed (on this or another of their devices). */
  'profile:updated': notificationPrefsStateSchema,
} as const;

/** "HH:MM" for a minute of the day, and back (null when it is not a time). */
export function formatMinuteOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
export function parseMinuteOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
