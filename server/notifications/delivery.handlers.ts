// Staff see how the email and text deliveries of the business's messages stand (R11).
import { ok } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

export function registerDeliveryHandlers(socket: StaffSocket, { repos, onStaff }: RealtimeContext): void {
  onStaff(socket, 'delivery:list', 'chats.access', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    return ok({ items: repos.outbox.listForConversation(payload.conversationId) });
  });
}
