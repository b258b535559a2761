// What the inbox tells the desktop about a new message: only the client's messages, with what
// the renderer knows (the member's preferences, the open conversation, the screen lock). The
// desktop (or the web bridge) adds the window focus and the clock, and decides by
// shared/notificationPolicy.ts.
import type { DesktopNotification } from '../../shared/bridge';
import type { Message, SharedConversationSummary } from '../../shared/domain';
import type { NotificationPrefs } from '../../shared/profile';
import { describeMessageContent } from '../attachments/attachmentRules';

export interface NotificationContext {
  openConversationId: number | null;
  prefs: NotificationPrefs;
  /** The reception screen is locked (the screen lock sets this; false until it exists). */
  locked: boolean;
}

const TITLE_MAX = 200;
const BODY_MAX = 500;

/** Notification text limits (shared/bridge.ts) cut long messages with an ellipsis. */
export function notificationBody(text: string): string {
  return text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1)}…`;
}

export function notificationRequest(
  message: Message,
  conversation: SharedConversationSummary,
  context: NotificationContext,
): DesktopNotification | null {
  if (message.author.kind !== 'client') return null;
  return {
    conversationId: conversation.id,
    locationId: conversation.location.id,
    title: conversation.client.name.slice(0, TITLE_MAX),
    body: notificationBody(describeMessageContent(message.text, message.attachments.length)),
    conversationOpen: context.openConversationId === conversation.id,
    locked: context.locked,
    prefs: context.prefs,
  };
}
