// Typing indicators in both directions. Nothing is stored; staff typing reaches a client only
// while the typing indicator is allowed (R6), and none flows while messaging is off (R2).
import { ok } from '../../shared/result';
import { conversationForClient, conversationForStaff } from '../conversations/access';
import { messagingDisabled } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { ClientSocket, StaffSocket } from '../realtime/types';

export function registerStaffTypingHandlers(socket: StaffSocket, { repos, onStaff, pushes }: RealtimeContext): void {
  // Typing is composing a reply, so it needs the reply permission.
  onStaff(socket, 'typing:update', (payload, { session, memberName, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const settings = repos.workspace.settings();
    if (!settings.enabled) return messagingDisabled();
    afterAck(() => pushes.staffTyping(socket, access.data, { typing: payload.typing, name: memberName }, settings));
    return ok({});
  });
}

export function registerClientTypingHandlers(socket: ClientSocket, { repos, onClient, pushes }: RealtimeContext): void {
  onClient(socket, 'typing:update', (payload, { clientId, clientName, afterAck }) => {
    const access = conversationForClient(repos, clientId, payload.conversationId);
    if (!access.ok) return access;
    if (!repos.workspace.settings().enabled) return messagingDisabled();
    afterAck(() => pushes.clientTyping(access.data, { typing: payload.typing, name: clientName }));
    return ok({});
  });
}
