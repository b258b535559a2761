// Staff see how the email and text deliveries of the business's messages stand (R11).
import { ok } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

export function registerDeliveryHandlers(socket: StaffSocket, { repos, onStaff }: RealtimeContext): void {
  onStaff(socket, 'delivery:list', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    // Like the messages they belong to, hidden while Client Connect is off (R2).
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    return ok({ items: repos.outbox.listForConversation(payload.conversationId) });
  });
}
