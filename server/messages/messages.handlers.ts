// Staff requests about messages: reading a conversation's history and replying.
import { ok } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import type { Sender } from './messages.repository';
import { answerRetry, messagingDisabled } from './retries';

export const MESSAGE_PAGE_DEFAULT = 50;

export function registerMessageHandlers(socket: StaffSocket, { repos, clock, log, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'message:list', 'chats.access', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    return ok(repos.messages.page(payload.conversationId, payload.beforeId ?? null, payload.limit ?? MESSAGE_PAGE_DEFAULT));
  });

  onStaff(socket, 'message:send', 'chats.reply', (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const sender: Sender = { kind: 'staff', memberId: session.memberId };
    const previous = repos.messages.findSent(sender, payload.clientMessageId);
    if (previous) {
      return answerRetry(previous, previous.conversationId === payload.conversationId && previous.text === payload.text);
    }
    const settings = repos.workspace.settings();
    if (!settings.enabled) return messagingDisabled();

    const outcome = repos.messages.append({
      conversationId: payload.conversationId,
      sender,
      clientMessageId: payload.clientMessageId,
      appointmentId: null,
      text: payload.text,
      createdAt: clock.now(),
    });
    const { message } = outcome;
    if (outcome.kind === 'existing') return answerRetry(message, message.conversationId === payload.conversationId && message.text === payload.text);

    const conversation = repos.conversations.summary(payload.conversationId);
    afterAck(() => {
      if (conversation) pushes.messageCreated(message, conversation, settings);
      else log.error('Stored message has no conversation summary', { messageId: message.id });
    });
    return ok(message);
  });
}
