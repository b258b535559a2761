// What the inbox tells the desktop when a colleague mentions the member in a note: the same
// path and policy as client messages (shared/notificationPolicy.ts: desktop on, the location
// not muted, quiet hours, the lock), plus the member's own "mentions" choice. It names who wrote
// and about which client, never the note's text (a reception screen is seen by others).
import type { DesktopNotification } from '../../shared/bridge';
import type { SharedConversationSummary } from '../../shared/domain';
import type { InternalNote } from '../../shared/noteEvents';
import type { NotificationContext } from '../inbox/notificationRules';

export const MENTIONED_TITLE = 'You were mentioned in a note';

export function mentionNotificationRequest(
  note: InternalNote,
  conversation: SharedConversationSummary,
  memberId: number,
  context: NotificationContext,
): DesktopNotification | null {
  if (note.author.id === memberId || !note.mentions.some((member) => member.id === memberId)) return null;
  return {
    conversationId: conversation.id,
    locationId: conversation.location.id,
    title: MENTIONED_TITLE,
    body: `${note.author.name} mentioned you in a note on the conversation with ${conversation.client.name}`.slice(0, 500),
    conversationOpen: context.openConversationId === conversation.id,
    locked: context.locked,
    prefs: context.prefs,
    about: 'mention',
  };
}
