// What the inbox tells the desktop when a client is still waiting for an answer: one
// notification per due conversation, through the same path and policy as a client message
// (shared/notificationPolicy.ts: quiet hours, the locked screen, a muted location, someone
// looking at it). When it is due is shared/reminderPolicy.ts's decision.
import type { DesktopNotification } from '../../shared/bridge';
import type { SharedConversationSummary } from '../../shared/domain';
import { waitingText, type ReminderPlan } from '../../shared/reminderPolicy';
import { notificationBody, type NotificationContext } from './notificationRules';

export function reminderNotificationRequests(
  plan: ReminderPlan,
  conversations: readonly SharedConversationSummary[],
  now: number,
  context: NotificationContext,
): DesktopNotification[] {
  const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  return plan.due.flatMap((due) => {
    const conversation = byId.get(due.conversationId);
    if (!conversation) return [];
    const quoted = conversation.lastMessage?.authorKind === 'client' ? `: ${conversation.lastMessage.text}` : '';
    return [
      {
        conversationId: conversation.id,
        locationId: conversation.location.id,
        title: conversation.client.name.slice(0, 200),
        body: notificationBody(`${waitingText(due.waitingSince, now)}${quoted}`),
        conversationOpen: context.openConversationId === conversation.id,
        locked: context.locked,
        prefs: context.prefs,
      },
    ];
  });
}
