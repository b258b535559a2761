// Staff requests about messages: reading a conversation's history and replying.
import type { Message } from '../../shared/domain';
import { ok } from '../../shared/result';
import { checkReadMarker, conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { checkContent, refuseWhileOff, sameAttachments, sendMessage } from './sending';

export const MESSAGE_PAGE_DEFAULT = 50;

export function registerMessageHandlers(socket: StaffSocket, context: RealtimeContext): void {
  const { repos, clock, onStaff } = context;
  onStaff(socket, 'message:list', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const limit = payload.limit ?? MESSAGE_PAGE_DEFAULT;
    if (payload.aroundId !== undefined) {
      const anchor = checkReadMarker(repos, payload.conversationId, payload.aroundId);
      return anchor.ok ? ok(repos.messages.around(payload.conversationId, payload.aroundId, limit)) : anchor;
    }
    if (payload.afterId !== undefined) return ok(repos.messages.after(payload.conversationId, payload.afterId, limit));
    return ok(repos.messages.page(payload.conversationId, payload.beforeId ?? null, limit));
  });

  onStaff(socket, 'message:send', async (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const attachmentIds = payload.attachmentIds ?? [];
    const invalid = checkContent(payload.text, attachmentIds);
    if (invalid) return invalid;
    const sent = await sendMessage(
      context,
      {
        sender: { kind: 'staff', memberId: session.memberId },
        senderMessageId: payload.senderMessageId,
        appointmentId: null,
        text: payload.text,
        attachmentIds,
        createdAt: clock.now(),
        clientSocketId: null,
        sameRequest: (message: Message) =>
          message.conversationId === payload.conversationId && message.text === payload.text && sameAttachments(message, attachmentIds),
        conversation: () => ok(payload.conversationId),
        markDone: payload.markDone ?? false,
      },
      afterAck,
    );
    return sent.ok ? ok(sent.data.message) : sent;
  });
}
