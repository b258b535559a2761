import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFS, notificationPrefsSchema, type NotificationPrefs } from './profile';
import { planReminders, waitingSince, waitingText, type ReminderCandidate } from './reminderPolicy';
import { testRandom } from './testing/testRandom';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 2, 10, 0);
const every10: NotificationPrefs = { ...DEFAULT_NOTIFICATION_PREFS, reminderMinutes: 10 };

const conversation = (id: number, changes: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  id,
  status: 'open',
  location: { id: 1 },
  lastMessage: { text: 'Hello?', authorKind: 'client', createdAt: T0 },
  ...changes,
});

const plan = (prefs: NotificationPrefs, conversations: ReminderCandidate[], now: number, reminded: [number, number][] = []) =>
  planReminders({ prefs, conversations, now, lastRemindedAt: new Map(reminded) });

describe('reminders until answered', () => {
  it('is off by default, and for preferences saved before it existed', () => {
    expect(plan(DEFAULT_NOTIFICATION_PREFS, [conversation(1)], T0 + 60 * MINUTE)).toEqual({ due: [], nextAt: null });
    expect(notificationPrefsSchema.parse({ desktop: true, sound: true, showPreview: true, mutedLocationIds: [], quietHours: null }).reminderMinutes).toBeUndefined();
    expect(notificationPrefsSchema.safeParse({ ...every10, reminderMinutes: 7 }).success).toBe(false);
  });

  it('reminds every interval after the client\'s message, once each', () => {
    expect(plan(every10, [conversation(1)], T0 + 9 * MINUTE)).toEqual({ due: [], nextAt: T0 + 10 * MINUTE });
    expect(plan(every10, [conversation(1)], T0 + 10 * MINUTE)).toEqual({
      due: [{ conversationId: 1, locationId: 1, waitingSince: T0 }],
      nextAt: T0 + 20 * MINUTE,
    });
    // Reminded at 10 minutes: nothing more until 20.
    expect(plan(every10, [conversation(1)], T0 + 15 * MINUTE, [[1, T0 + 10 * MINUTE]]).due).toEqual([]);
    expect(plan(every10, [conversation(1)], T0 + 20 * MINUTE, [[1, T0 + 10 * MINUTE]]).due).toHaveLength(1);
    // An app that slept through several intervals reminds once, not once per missed interval.
    expect(plan(every10, [conversation(1)], T0 + 55 * MINUTE, [[1, T0 + 10 * MINUTE]]).due).toHaveLength(1);
    expect(plan(every10, [conversation(1)], T0 + 55 * MINUTE, [[1, T0 + 50 * MINUTE]]).due).toEqual([]);
  });

  it('stops once someone replies, marks it done or snoozes it, and not for an automatic reply', () => {
    const later = T0 + 30 * MINUTE;
    const replied = conversation(1, { lastMessage: { text: 'On it', authorKind: 'staff', createdAt: T0 + MINUTE } });
    expect(plan(every10, [replied], later)).toEqual({ due: [], nextAt: null });
    expect(plan(every10, [conversation(2, { status: 'done' })], later)).toEqual({ due: [], nextAt: null });
    expect(plan(every10, [conversation(3, { status: 'snoozed' })], later)).toEqual({ due: [], nextAt: null });
    expect(plan(every10, [conversation(4, { lastMessage: null })], later)).toEqual({ due: [], nextAt: null });
    const automatic = conversation(5, { lastMessage: { text: 'We are closed', authorKind: 'staff', createdAt: T0, automatic: true } });
    expect(plan(every10, [automatic], later).due).toHaveLength(1);
  });

  it('leaves out muted locations and everything while desktop notifications are off', () => {
    const later = T0 + 30 * MINUTE;
    expect(plan({ ...every10, mutedLocationIds: [1] }, [conversation(1)], later)).toEqual({ due: [], nextAt: null });
    expect(plan({ ...every10, desktop: false }, [conversation(1)], later)).toEqual({ due: [], nextAt: null });
  });

  it('lists the longest waiting first', () => {
    const older = conversation(7, { lastMessage: { text: 'First', authorKind: 'client', createdAt: T0 - 20 * MINUTE } });
    expect(plan(every10, [conversation(3), older], T0 + 10 * MINUTE).due.map((due) => due.conversationId)).toEqual([7, 3]);
  });

  it('holds its rules over seeded random situations', () => {
    const random = testRandom();
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 500; round += 1) {
      const minutes = ([5, 10, 15, 30] as const)[pick(4)]!;
      const prefs: NotificationPrefs = { ...DEFAULT_NOTIFICATION_PREFS, reminderMinutes: minutes, mutedLocationIds: random() < 0.2 ? [2] : [] };
      const conversations = Array.from({ length: 1 + pick(6) }, (_, index) =>
        conversation(index + 1, {
          status: (['open', 'open', 'snoozed', 'done'] as const)[pick(4)]!,
          location: { id: 1 + pick(2) },
          lastMessage: { text: 'x', authorKind: random() < 0.7 ? 'client' : 'staff', createdAt: T0 - pick(120) * MINUTE },
        }),
      );
      const reminded = new Map(conversations.filter(() => random() < 0.5).map((c) => [c.id, T0 - pick(120) * MINUTE] as [number, number]));
      const now = T0 + pick(60) * MINUTE;
      const result = planReminders({ prefs, conversations, now, lastRemindedAt: reminded });
      for (const due of result.due) {
        const source = conversations.find((c) => c.id === due.conversationId)!;
        // Only waiting conversations at unmuted locations, at least one interval after the message,
        // and not reminded since the latest interval came.
        expect(waitingSince(source)).toBe(due.waitingSince);
        expect(prefs.mutedLocationIds).not.toContain(source.location.id);
        expect(now - due.waitingSince).toBeGreaterThanOrEqual(minutes * MINUTE);
        const latestDue = due.waitingSince + Math.floor((now - due.waitingSince) / (minutes * MINUTE)) * minutes * MINUTE;
        expect(reminded.get(source.id) ?? -Infinity).toBeLessThan(latestDue);
      }
      // Reminding everything due makes nothing due at the same instant (each interval reminds once).
      const after = new Map(reminded);
      for (const due of result.due) after.set(due.conversationId, now);
      expect(planReminders({ prefs, conversations, now, lastRemindedAt: after }).due).toEqual([]);
      if (result.nextAt !== null) expect(result.nextAt).toBeGreaterThan(now);
    }
  });

  it('words how long the client has waited', () => {
    expect(waitingText(T0, T0 + 30_000)).toBe('Waiting 1 minute for a reply');
    expect(waitingText(T0, T0 + 25 * MINUTE)).toBe('Waiting 25 minutes for a reply');
    expect(waitingText(T0, T0 + 130 * MINUTE)).toBe('Waiting over 2 hours for a reply');
  });
});
