// Email and text deliveries of our messages to the client (R11), as the conversation shows them.
import type { Delivery, DeliveryChannel } from '../../shared/deliveries';

export type DeliveriesByMessage = ReadonlyMap<number, readonly Delivery[]>;

const CHANNEL: Record<DeliveryChannel, string> = { email: 'Email', sms: 'Text' };

/** Adds or replaces one delivery; a late push never undoes a newer state. */
export function withDelivery(byMessage: DeliveriesByMessage, delivery: Delivery): DeliveriesByMessage {
  const existing = byMessage.get(delivery.messageId) ?? [];
  const previous = existing.find((item) => item.channel === delivery.channel);
  if (previous && previous.updatedAt > delivery.updatedAt) return byMessage;
  if (previous && previous.updatedAt === delivery.updatedAt && previous.attempts > delivery.attempts) return byMessage;
  const next = new Map(byMessage);
  next.set(
    delivery.messageId,
    [...existing.filter((item) => item.channel !== delivery.channel), delivery].sort((a, b) => a.channel.localeCompare(b.channel)),
  );
  return next;
}

export const deliveriesFrom = (items: readonly Delivery[]): DeliveriesByMessage =>
  items.reduce<DeliveriesByMessage>((byMessage, delivery) => withDelivery(byMessage, delivery), new Map());

export function deliveryLabel(delivery: Delivery): string {
  const channel = CHANNEL[delivery.channel];
  switch (delivery.state) {
    case 'pending':
    case 'sending':
      return `${channel}: sending…`;
    case 'retrying':
      return `${channel}: not sent yet, retrying`;
    case 'sent':
      return `${channel}: sent`;
    case 'failed':
      return `${channel}: failed${delivery.lastError ? ` (${delivery.lastError})` : ''}`;
  }
}
