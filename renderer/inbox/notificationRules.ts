// When a new message deserves a desktop notification: only the client's messages, and only
// when the member is not already looking at that conversation.
import type { Message } from '../../shared/domain';

export interface ViewState {
  openConversationId: number | null;
  windowFocused: boolean;
}

export function shouldNotify(message: Message, view: ViewState): boolean {
  if (message.author.kind !== 'client') return false;
  return !view.windowFocused || view.openConversationId !== message.conversationId;
}

const BODY_MAX = 500;

/** Notification text limits (shared/bridge.ts) cut long messages with an ellipsis. */
export function notificationBody(text: string): string {
  return text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1)}…`;
}
