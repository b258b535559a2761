// The one hook into the send path: called inside the transaction that stores a staff message, so
// the message and its email/text deliveries are committed together or not at all (R11).
import type { Message } from '../../shared/domain';
import { deliverableAddress } from '../clientProfile/contactValidation';
import type { Repositories } from '../repositories';

/** Enqueues one delivery per channel the client has switched on with a usable address. The
 * in-app notification is the client's live connection and needs no row. */
export function enqueueDeliveries(repos: Repositories, message: Message): void {
  if (message.author.kind !== 'staff') return;
  const conversation = repos.conversations.findById(message.conversationId);
  const profile = conversation ? repos.clientProfiles.find(conversation.clientId) : null;
  if (!profile) return;
  if (profile.notifications.email && deliverableAddress.email(profile.email)) {
    repos.outbox.enqueue(message.id, 'email', profile.email, message.createdAt);
  }
  if (profile.notifications.sms && deliverableAddress.sms(profile.mobile, profile.country)) {
    repos.outbox.enqueue(message.id, 'sms', profile.mobile, message.createdAt);
  }
}
