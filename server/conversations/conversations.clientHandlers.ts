// Client requests about their conversations: marking the business's messages read.
import { ok } from '../../shared/result';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { ClientSocket } from '../realtime/types';
import { checkReadMarker, conversationForClient } from './access';

export function registerClientConversationHandlers(socket: ClientSocket, { repos, clock, onClient, pushes }: RealtimeContext): void {
  onClient(socket, 'conversation:read', (payload, { clientId, afterAck }) => {
    const access = conversationForClient(repos, clientId, payload.conversationId);
    if (!access.ok) return access;
    const marker = checkReadMarker(repos, payload.conversationId, payload.upToMessageId);
    if (!marker.ok) return marker;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;

    const readAt = clock.now();
    repos.conversations.markReadByClient(payload.conversationId, payload.upToMessageId, readAt);
    afterAck(() => pushes.readByClient(access.data, { upToMessageId: payload.upToMessageId, readAt }));
    return ok({ conversationId: payload.conversationId, readAt });
  });
}
