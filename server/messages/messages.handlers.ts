// Staff requests about messages: reading a conversation's history and replying.
import type { Message } from '../../shared/domain';
import { ok } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import type { Sender } from './messages.repository';
import { announceAfterAck, answerRetry, messagingDisabled } from './sending';

export const MESSAGE_PAGE_DEFAULT = 50;

export function registerMessageHandlers(socket: StaffSocket, context: RealtimeContext): void {
  const { repos, clock, onStaff } = context;
  onStaff(socket, 'message:list', 'chats.access', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    return ok(repos.messages.page(payload.conversationId, payload.beforeId ?? null, payload.limit ?? MESSAGE_PAGE_DEFAULT));
  });

  onStaff(socket, 'message:send', 'chats.reply', (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const sender: Sender = { kind: 'staff', memberId: session.memberId };
    const sameRequest = (message: Message) =>
      message.conversationId === payload.conversationId && message.text === payload.text;
    const previous = repos.messages.findSent(sender, payload.clientMessageId);
    if (previous) return answerRetry(previous, sameRequest(previous));
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
    if (outcome.kind === 'existing') return answerRetry(outcome.message, sameRequest(outcome.message));
    announceAfterAck(context, outcome.message, settings, afterAck);
    return ok(outcome.message);
  });
}
