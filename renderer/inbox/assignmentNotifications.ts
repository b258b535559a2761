// What the inbox tells the desktop when a colleague assigns a conversation to the member: the
// same path and policy as client messages (shared/notificationPolicy.ts: desktop on, the
// location not muted, quiet hours, the lock), plus the member's own "assignments" choice.
import type { DesktopNotification } from '../../shared/bridge';
import type { SharedConversationSummary } from '../../shared/domain';
import type { ConversationEvent } from '../../shared/triageEvents';
import type { NotificationContext } from './notificationRules';

export const ASSIGNED_TITLE = 'Conversation assigned to you';

export function assignmentNotificationRequest(
  event: ConversationEvent,
  conversation: SharedConversationSummary,
  memberId: number,
  context: NotificationContext,
): DesktopNotification | null {
  // Taking one yourself, or a change nobody made, is nothing to be told about.
  if (event.kind !== 'assigned' || event.assignee?.id !== memberId || !event.actor || event.actor.id === memberId) return null;
  return {
    conversationId: conversation.id,
    locationId: conversation.location.id,
    title: ASSIGNED_TITLE,
    body: `${event.actor.name} assigned you a conversation with ${conversation.client.name}`.slice(0, 500),
    conversationOpen: context.openConversationId === conversation.id,
    locked: context.locked,
    prefs: context.prefs,
    about: 'assignment',
  };
}
