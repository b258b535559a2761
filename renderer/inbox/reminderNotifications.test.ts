import { describe, expect, it } from 'vitest';
import type { SharedConversationSummary } from '../../shared/domain';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';
import { planReminders } from '../../shared/reminderPolicy';
import { reminderNotificationRequests } from './reminderNotifications';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 2, 10, 0);
const prefs = { ...DEFAULT_NOTIFICATION_PREFS, reminderMinutes: 5 as const };

const summary = (id: number, lastMessage: SharedConversationSummary['lastMessage']): SharedConversationSummary => ({
  id,
  client: { id: id + 100, name: `Client ${id}` },
  location: { id: 1, name: 'Lumen Soho' },
  appointment: null,
  lastMessage,
  lastActivityAt: T0,
  status: 'open',
  snoozedUntil: null,
  assignee: null,
  triageVersion: 0,
});

describe('reminder notifications', () => {
  it('names the waiting client, how long they have waited and what they wrote', () => {
    const conversations = [
      summary(1, { text: 'Can I come earlier?', authorKind: 'client', createdAt: T0 }),
      summary(2, { text: 'We are closed now.', authorKind: 'staff', createdAt: T0, automatic: true }),
      summary(3, { text: 'Sure, see you then', authorKind: 'staff', createdAt: T0 }),
    ];
    const now = T0 + 12 * MINUTE;
    const plan = planReminders({ prefs, conversations, now, lastRemindedAt: new Map() });
    const requests = reminderNotificationRequests(plan, conversations, now, { openConversationId: 2, prefs, locked: true });
    expect(requests).toEqual([
      { conversationId: 1, locationId: 1, title: 'Client 1', body: 'Waiting 12 minutes for a reply: Can I come earlier?', conversationOpen: false, locked: true, prefs },
      // After an automatic reply the client is still waiting; the salon's own text is not quoted.
      { conversationId: 2, locationId: 1, title: 'Client 2', body: 'Waiting 12 minutes for a reply', conversationOpen: true, locked: true, prefs },
    ]);
  });
});
