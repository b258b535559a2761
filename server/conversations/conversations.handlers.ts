// Staff requests about conversations: the inbox list and its views, one conversation, reading it.
import { can } from '../../shared/permissions';
import { err, ok } from '../../shared/result';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { checkReadMarker, conversationForStaff } from './access';
import { inboxPage } from './inboxPages';

export function registerConversationHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'conversation:list', (payload, { session }) => inboxPage(repos, session, payload));

  onStaff(socket, 'conversation:get', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const conversation = repos.conversations.summary(access.data.id, session.memberId);
    if (!conversation) return err('not_found', 'This conversation does not exist.');
    const appointments = repos.appointments.listForClientAtLocation(
      conversation.client.id,
      conversation.location.id,
      clock.now(),
    );
    return ok({ conversation, client: conversation.client, appointments });
  });

  onStaff(socket, 'conversation:read', (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const marker = checkReadMarker(repos, payload.conversationId, payload.upToMessageId);
    if (!marker.ok) return marker;
    const settings = repos.workspace.settings();
    const off = refuseWhileOff(settings);
    if (off) return off;

    // The member's own unread state always; the client's "Read" only from a member who may
    // reply: a read-only member's glance answers nobody (R5).
    const readAt = clock.now();
    const byReplier = can(session.grants, 'chats.reply');
    const unreadCount = repos.transaction(() => {
      if (byReplier) repos.conversations.markReadByBusiness(payload.conversationId, payload.upToMessageId, readAt);
      return repos.triage.readUpTo(session.memberId, payload.conversationId, payload.upToMessageId);
    });
    afterAck(() => {
      pushes.unreadUpdated(session.memberId, { conversationId: payload.conversationId, unreadCount });
      if (byReplier) pushes.readByBusiness(access.data, { upToMessageId: payload.upToMessageId, readAt }, settings);
    });
    return ok({ conversationId: payload.conversationId, readAt });
  });
}
