// Staff requests about messages: reading a conversation's history and replying.
import type { Message } from '../../shared/domain';
import { ok } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import type { Sender } from './messages.repository';
import {
  announceAfterAck,
  answerRetry,
  checkAttachable,
  checkContent,
  messagingDisabled,
  refuseWhileOff,
  sameAttachments,
  storeMessage,
} from './sending';

export const MESSAGE_PAGE_DEFAULT = 50;

export function registerMessageHandlers(socket: StaffSocket, context: RealtimeContext): void {
  const { repos, clock, onStaff } = context;
  onStaff(socket, 'message:list', 'chats.access', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    return ok(repos.messages.page(payload.conversationId, payload.beforeId ?? null, payload.limit ?? MESSAGE_PAGE_DEFAULT));
  });

  onStaff(socket, 'message:send', 'chats.reply', (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const attachmentIds = payload.attachmentIds ?? [];
    const invalid = checkContent(payload.text, attachmentIds);
    if (invalid) return invalid;
    const sender: Sender = { kind: 'staff', memberId: session.memberId };
    const sameRequest = (message: Message) =>
      message.conversationId === payload.conversationId && message.text === payload.text && sameAttachments(message, attachmentIds);
    const previous = repos.messages.findSent(sender, payload.clientMessageId);
    if (previous) return answerRetry(previous, sameRequest(previous));
    const settings = repos.workspace.settings();
    if (!settings.enabled) return messagingDisabled();
    const notAttachable = checkAttachable(repos, sender, attachmentIds);
    if (notAttachable) return notAttachable;

    const outcome = storeMessage(
      repos,
      () => payload.conversationId,
      { sender, clientMessageId: payload.clientMessageId, appointmentId: null, text: payload.text, createdAt: clock.now() },
      attachmentIds,
    );
    if (outcome.kind === 'existing') return answerRetry(outcome.message, sameRequest(outcome.message));
    announceAfterAck(context, outcome.message, settings, afterAck);
    return ok(outcome.message);
  });
}
