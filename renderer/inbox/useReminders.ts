// Reminders until answered (Profile: "Remind me while a client waits"): while the member chose
// an interval, the app looks at the Open conversations of their locations and reminds them of
// each one whose client is still waiting, every interval after the client's message, until
// someone replies, marks it done or snoozes it. It looks again when the next reminder falls
// due, at least once a minute (a new waiting conversation), and after any message or triage
// change. Clicking a reminder opens the conversation like a message notification.
import { useEffect, useRef } from 'react';
import { planReminders } from '../../shared/reminderPolicy';
import { useNotificationPrefsState } from '../profile/PrefsContext';
import { useStaff } from '../session/StaffContext';
import type { NotificationContext } from './notificationRules';
import { reminderNotificationRequests } from './reminderNotifications';

const LOOK_AT_LEAST_EVERY_MS = 60_000;
/** The most recently active Open conversations looked at: a salon's whole waiting list. */
const CONVERSATIONS_LOOKED_AT = 100;

export function useReminders(currentContext: () => NotificationContext) {
  const { api, bridge } = useStaff();
  const prefsState = useNotificationPrefsState();
  const prefs = prefsState?.prefs ?? null;
  /** Kept across preference changes, so turning reminders off and on does not repeat one. */
  const lastRemindedAt = useRef(new Map<number, number>());

  useEffect(() => {
    if (!prefs?.reminderMinutes || !prefs.desktop) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void look(), Math.max(1_000, Math.min(delay, LOOK_AT_LEAST_EVERY_MS)));
    };
    async function look(): Promise<void> {
      const page = await api.request('conversation:list', { view: 'open', limit: CONVERSATIONS_LOOKED_AT });
      if (stopped || !prefs) return;
      if (!page.ok) {
        schedule(LOOK_AT_LEAST_EVERY_MS);
        return;
      }
      const now = Date.now();
      const plan = planReminders({ prefs, conversations: page.data.items, now, lastRemindedAt: lastRemindedAt.current });
      const context = { ...currentContext(), prefs };
      for (const request of reminderNotificationRequests(plan, page.data.items, now, context)) bridge.notify(request);
      for (const due of plan.due) lastRemindedAt.current.set(due.conversationId, now);
      schedule(plan.nextAt === null ? LOOK_AT_LEAST_EVERY_MS : plan.nextAt - now);
    }
    // A reply, Done or snooze elsewhere changes who is waiting: look again soon after.
    const soon = () => schedule(1_000);
    const unsubscribers = [api.whenConnected(() => void look()), api.subscribe('message:created', soon), api.subscribe('conversation:triaged', soon)];
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api, bridge, prefs, currentContext]);
}
