// Reminders until answered: which conversations to remind a member of now. A conversation is
// waiting while it is Open and its last message is the client's (the after-hours automatic
// reply answers nobody). With an interval of N minutes, a waiting conversation is due N, 2N,
// 3N… minutes after the client's message, once each: a reply, Done or a snooze stops it.
// Whether a due reminder is shown — quiet hours, the locked screen, a muted location, someone
// looking at the conversation — is decided like any message notification (notificationPolicy.ts).
import type { SharedConversationSummary } from './domain';
import type { NotificationPrefs } from './profile';

const MINUTE = 60_000;

export type ReminderCandidate = Pick<SharedConversationSummary, 'id' | 'status' | 'lastMessage'> & { location: { id: number } };

export interface ReminderSituation {
  prefs: NotificationPrefs;
  /** Conversations at the member's locations (any status: only waiting ones count). */
  conversations: readonly ReminderCandidate[];
  now: number;
  /** When each conversation was last reminded of, by id. */
  lastRemindedAt: ReadonlyMap<number, number>;
}

export interface ReminderPlan {
  /** Conversations to remind of now, longest waiting first. */
  due: { conversationId: number; locationId: number; waitingSince: number }[];
  /** When the next reminder falls due if nothing changes (null: none will). */
  nextAt: number | null;
}

/** Since when the client has waited, or null when the conversation is not waiting. */
export function waitingSince(conversation: ReminderCandidate): number | null {
  const last = conversation.lastMessage;
  if (conversation.status !== 'open' || !last) return null;
  if (last.authorKind === 'client' || last.automatic) return last.createdAt;
  return null;
}

export function planReminders({ prefs, conversations, now, lastRemindedAt }: ReminderSituation): ReminderPlan {
  const minutes = prefs.reminderMinutes;
  if (!minutes || !prefs.desktop) return { due: [], nextAt: null };
  const interval = minutes * MINUTE;
  const due: ReminderPlan['due'] = [];
  let nextAt: number | null = null;
  for (const conversation of conversations) {
    if (prefs.mutedLocationIds.includes(conversation.location.id)) continue;
    const since = waitingSince(conversation);
    if (since === null) continue;
    // The latest reminder time that has come (none before one whole interval has passed).
    const intervalsPassed = Math.floor((now - since) / interval);
    const latestDue = since + intervalsPassed * interval;
    if (intervalsPassed >= 1 && (lastRemindedAt.get(conversation.id) ?? -Infinity) < latestDue) {
      due.push({ conversationId: conversation.id, locationId: conversation.location.id, waitingSince: since });
    }
    const following = since + (Math.max(intervalsPassed, 0) + 1) * interval;
    nextAt = nextAt === null ? following : Math.min(nextAt, following);
  }
  due.sort((a, b) => a.waitingSince - b.waitingSince || a.conversationId - b.conversationId);
  return { due, nextAt };
}

/** "Waiting 25 minutes for a reply" (at least a minute). */
export function waitingText(waitingSinceAt: number, now: number): string {
  const minutes = Math.max(1, Math.floor((now - waitingSinceAt) / MINUTE));
  if (minutes < 60) return `Waiting ${minutes} minute${minutes === 1 ? '' : 's'} for a reply`;
  const hours = Math.floor(minutes / 60);
  return `Waiting over ${hours} hour${hours === 1 ? '' : 's'} for a reply`;
}
