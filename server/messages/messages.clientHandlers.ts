// Client requests about messages: reading their own history, and sending from an appointment or
// in a conversation the salon started.
import type { Message } from '../../shared/domain';
import { err, ok } from '../../shared/result';
import { offersMessaging } from '../clientPage/contactPolicy';
import { conversationForClient } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { ClientSocket } from '../realtime/types';
import { messageForClient } from './clientView';
import { MESSAGE_PAGE_DEFAULT } from './messages.handlers';
import { checkContent, refuseWhileOff, sameAttachments, sendMessage } from './sending';

export function registerClientMessageHandlers(socket: ClientSocket, context: RealtimeContext): void {
  const { repos, clock, onClient } = context;
  onClient(socket, 'message:list', (payload, { clientId }) => {
    const access = conversationForClient(repos, clientId, payload.conversationId);
    if (!access.ok) return access;
    const settings = repos.workspace.settings();
    const off = refuseWhileOff(settings);
    if (off) return off;
    const page = repos.messages.page(payload.conversationId, payload.beforeId ?? null, payload.limit ?? MESSAGE_PAGE_DEFAULT);
    return ok({ items: page.items.map((message) => messageForClient(message, settings)), hasMore: page.hasMore });
  });

  onClient(socket, 'message:send', async (payload, { clientId, afterAck }) => {
    // Counted per link as it arrives, in memory, before the send joins a write batch.
    const limited = context.clientLimits.admitMessage(socket.data.linkId);
    if (limited) return limited;
    const { appointmentId, conversationId } = payload;
    if ((appointmentId === undefined) === (conversationId === undefined)) {
      const message = 'Send from one of your appointments or in one of your conversations.';
      return err('bad_request', message, [{ path: 'appointmentId', message }]);
    }
    const attachmentIds = payload.attachmentIds ?? [];
    const invalid = checkContent(payload.text, attachmentIds);
    if (invalid) return invalid;
    const now = clock.now();
    const sent = await sendMessage(
      context,
      {
        sender: { kind: 'client', clientId },
        senderMessageId: payload.senderMessageId,
        appointmentId: appointmentId ?? null,
        text: payload.text,
        attachmentIds,
        createdAt: now,
        clientSocketId: socket.id,
        sameRequest: (message: Message) =>
          message.appointmentId === (appointmentId ?? null) &&
          message.conversationId === (conversationId ?? message.conversationId) &&
          message.text === payload.text &&
          sameAttachments(message, attachmentIds),
        // Only the client's own appointment. An existing conversation stays open while messaging
        // is on; starting one needs the appointment to offer messaging (R4). Looked up inside the
        // send's batch, which saves the read its own transaction.
        conversation: (settings) => {
          if (conversationId !== undefined) {
            const existing = conversationForClient(repos, clientId, conversationId);
            return existing.ok ? ok(existing.data.id) : existing;
          }
          const appointment = repos.appointments.findById(appointmentId!);
          if (!appointment || appointment.clientId !== clientId) return err('not_found', 'This appointment does not exist.');
          const existing = repos.conversations.findIdByClientAndLocation(clientId, appointment.location.id);
          if (existing !== null) return ok(existing);
          if (!offersMessaging(appointment, settings, now)) return err('contact_not_offered', 'This appointment does not offer messaging.');
          return ok(repos.conversations.findOrCreate(clientId, appointment.location.id, now));
        },
      },
      afterAck,
    );
    return sent.ok ? ok(messageForClient(sent.data.message, sent.data.settings)) : sent;
  });
}
