// What the delivery worker hands a provider, and how a provider says it failed.
import type { DeliveryChannel } from '../../shared/deliveries';

export type OutgoingDelivery = {
  channel: DeliveryChannel;
  /** An email address or an E.164 number. */
  to: string;
  /** The same for every attempt of one delivery: Message-ID / Idempotency-Key. */
  idempotencyKey: string;
  subject: string;
  text: string;
};

export interface DeliveryTransport {
  send(delivery: OutgoingDelivery): Promise<void>;
  close(): void;
}

/** `permanent`: trying again cannot help (e.g. the address was refused). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
