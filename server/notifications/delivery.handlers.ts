// Staff see how the email and text deliveries of the business's messages stand (R11), which
// channels this server can send, and send a failed one again.
import type { DeliveryChannel } from '../../shared/deliveries';
import { CHANNEL_UNAVAILABLE } from '../../shared/deliveries';
import { err, ok } from '../../shared/result';
import { deliverableAddress } from '../clientProfile/contactValidation';
import { conversationForStaff } from '../conversations/access';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import type { Repositories } from '../repositories';
import { sendableChannels } from './channels';

// A delivery at another location answers exactly like one that does not exist.
const DELIVERY_NOT_FOUND = 'This delivery does not exist.';

const SWITCHED_OFF: Record<DeliveryChannel, string> = {
  email: "The client no longer gets emails, or has no valid email address. Update their profile, then send again.",
  sms: "The client no longer gets text messages, or has no valid mobile number. Update their profile, then send again.",
};

/** Where a retry goes now: the client's current address, while they still want that channel. */
function currentAddress(repos: Repositories, clientId: number, channel: DeliveryChannel): string | null {
  const profile = repos.clientProfiles.find(clientId);
  if (!profile || !profile.notifications[channel]) return null;
  if (channel === 'email') return deliverableAddress.email(profile.email) ? profile.email : null;
  return deliverableAddress.sms(profile.mobile, profile.country) ? profile.mobile : null;
}

export function registerDeliveryHandlers(socket: StaffSocket, { repos, clock, config, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'delivery:list', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    // Like the messages they belong to, hidden while Client Connect is off (R2).
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    return ok({ items: repos.outbox.listForConversation(payload.conversationId) });
  });

  onStaff(socket, 'delivery:channels', () => ok(sendableChannels(config)));

  onStaff(socket, 'delivery:retry', ({ messageId, channel }, { session, afterAck }) => {
    const found = repos.outbox.findFor(messageId, channel);
    if (!found || !session.locationIds.includes(found.locationId)) return err('not_found', DELIVERY_NOT_FOUND);
    const access = conversationForStaff(repos, session, found.delivery.conversationId);
    if (!access.ok) return err('not_found', DELIVERY_NOT_FOUND);
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    // Already queued again, sending or sent (a second click, a colleague's retry): nothing to do.
    if (found.delivery.state !== 'failed') return ok(found.delivery);
    if (!sendableChannels(config)[channel]) return err('conflict', CHANNEL_UNAVAILABLE[channel]);
    const address = currentAddress(repos, access.data.clientId, channel);
    if (address === null) return err('conflict', SWITCHED_OFF[channel]);
    repos.outbox.retryFailed(messageId, channel, address, clock.now());
    const requeued = repos.outbox.findFor(messageId, channel)!;
    afterAck(() => pushes.deliveryUpdated(requeued));
    return ok(requeued.delivery);
  });
}
