// Staff requests about conversations: the inbox list, one conversation, marking it read.
import { err, ok } from '../../shared/result';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import { checkReadMarker, conversationForStaff } from './access';
import { decodeConversationCursor, encodeConversationCursor } from './cursor';

export const CONVERSATION_PAGE_DEFAULT = 30;

export function registerConversationHandlers(socket: StaffSocket, { repos, clock, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'conversation:list', (payload, { session }) => {
    if (payload.locationId !== undefined && !session.locationIds.includes(payload.locationId)) {
      return err('forbidden', 'You do not work at that location.');
    }
    const after = payload.cursor === undefined ? null : decodeConversationCursor(payload.cursor);
    if (payload.cursor !== undefined && after === null) return err('bad_request', 'The cursor is not valid.');
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;

    const limit = payload.limit ?? CONVERSATION_PAGE_DEFAULT;
    const rows = repos.conversations.page({
      locationIds: payload.locationId === undefined ? session.locationIds : [payload.locationId],
      unreadOnly: payload.unreadOnly ?? false,
      after,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeConversationCursor(last) : null;
    return ok({ items, nextCursor });
  });

  onStaff(socket, 'conversation:get', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const conversation = repos.conversations.summary(access.data.id);
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

    const readAt = clock.now();
    const unreadCount = repos.conversations.markReadByBusiness(payload.conversationId, payload.upToMessageId, readAt);
    afterAck(() =>
      pushes.readByBusiness(access.data, { upToMessageId: payload.upToMessageId, readAt, unreadCount }, settings),
    );
    return ok({ conversationId: payload.conversationId, readAt });
  });
}
