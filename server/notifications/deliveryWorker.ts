// Works off the delivery outbox: sends due rows one at a time, records each outcome, retries
// failures with exponential backoff up to a limit, and tells staff how each delivery stands.
//
// Exactly once, as far as it can be had: a row is claimed in the database before it goes to
// the provider and settled after. A row still claimed at start-up belonged to a process that
// died mid-send; it is sent again with the same idempotency key (SMS: Idempotency-Key header;
// email: the same Message-ID). A provider that honours the key sends it once; plain SMTP has no
// such promise, so in that one window an email can arrive twice (at least once, never lost).
import { CHANNEL_UNAVAILABLE, type DeliveryChannel } from '../../shared/deliveries';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { ClaimedDelivery, LocatedDelivery, OutboxRepository } from './outbox.repository';
import { DeliveryError, type DeliveryTransport, type OutgoingDelivery } from './transports';

export type RetryPolicy = {
  /** Delay after the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: number;
  /** How often due retries are looked for (new deliveries start at once). */
  pollMs: number;
};

/** How long stop() waits for the delivery in flight. */
const STOP_GRACE_MS = 5_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 8, pollMs: 5_000 };

export type DeliveryWorkerOptions = {
  outbox: OutboxRepository;
  transports: Partial<Record<DeliveryChannel, DeliveryTransport>>;
  clock: Clock;
  log: Logger;
  retry: RetryPolicy;
  /** A delivery changed state (to push to staff). */
  onChange: (change: LocatedDelivery) => void;
};

export type DeliveryWorker = {
  /** Requeues deliveries interrupted by a previous process, then starts working. */
  start(): void;
  /** Looks for due deliveries now. Resolves when this round is done. */
  kick(): Promise<void>;
  /** Stops once the delivery in flight (if any) is settled, waiting for it at most 5 s. */
  stop(): Promise<void>;
};

/** For the server log: which setting is missing. Staff read CHANNEL_UNAVAILABLE instead. */
const NOT_CONFIGURED: Record<DeliveryChannel, string> = {
  email: 'Email is not set up on this server (INBOX_SMTP_HOST).',
  sms: 'Text messages are not set up on this server (INBOX_SMS_URL).',
};

const SERVICE: Record<DeliveryChannel, string> = { email: 'the email service', sms: 'the text message service' };

/** What staff read of a failed attempt: plain words they can act on. The provider's own answer
 * (status codes, SMTP replies, host names) goes to the server log only. */
export function staffReason(channel: DeliveryChannel, failure: DeliveryError, configured: boolean): string {
  if (!configured) return CHANNEL_UNAVAILABLE[channel];
  if (failure.permanent) {
    return channel === 'email'
      ? "The email service refused this address. Check the client's email address."
      : "The text message service refused this number. Check the client's mobile number.";
  }
  return `Couldn't reach ${SERVICE[channel]}. It will be tried again.`;
}

/** Staff wording for a delivery a stopped server left half-sent. */
export const INTERRUPTED_REASON = 'Sending was interrupted by a server restart. It is being sent again.';

export const backoffDelay = (attempts: number, policy: RetryPolicy): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));

/** The email or text a client gets for a message from the business. */
export function composeDelivery(claimed: ClaimedDelivery): OutgoingDelivery {
  const files = claimed.attachmentCount === 0 ? '' : claimed.attachmentCount === 1 ? '(1 attachment)' : `(${claimed.attachmentCount} attachments)`;
  const body = [claimed.text, files].filter((part) => part !== '').join('\n\n');
  const sender = claimed.workspaceName ? `${claimed.workspaceName} — ${claimed.locationName}` : claimed.locationName;
  const text =
    claimed.channel === 'sms'
      ? `${sender}: ${body}`.slice(0, 640)
      : `Hello ${claimed.clientName},\n\n${sender} sent you a message:\n\n${body}\n\nYou can reply from your appointment in the app.`;
  return { channel: claimed.channel, to: claimed.address, idempotencyKey: claimed.idempotencyKey, subject: `New message from ${sender}`, text };
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { outbox, clock, log, retry } = options;
  let round: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  const publish = (id: number) => {
    const change = outbox.find(id);
    if (change) options.onChange(change);
  };

  async function attempt(claimed: ClaimedDelivery): Promise<void> {
    const transport = options.transports[claimed.channel];
    try {
      if (!transport) throw new DeliveryError(NOT_CONFIGURED[claimed.channel], true);
      await transport.send(composeDelivery(claimed));
      outbox.markSent(claimed.id, clock.now());
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('Sending failed unexpectedly.', false);
      if (!(error instanceof DeliveryError)) log.error('Delivery failed unexpectedly', { deliveryId: claimed.id, error });
      const now = clock.now();
      const reason = staffReason(claimed.channel, failure, transport !== undefined);
      const detail = { deliveryId: claimed.id, channel: claimed.channel, attempts: claimed.attempts, reason: failure.message };
      if (failure.permanent || claimed.attempts >= retry.maxAttempts) {
        outbox.markFailed(claimed.id, reason, now);
        log.warn('Delivery failed', detail);
      } else {
        outbox.markRetrying(claimed.id, reason, now + backoffDelay(claimed.attempts, retry), now);
        log.warn('Delivery attempt failed; trying again later', detail);
      }
    }
    publish(claimed.id);
  }

  async function work(): Promise<void> {
    do {
      again = false;
      // Checked before claiming, so stopping never leaves a claimed row behind.
      while (!stopped) {
        const claimed = outbox.claimNext(clock.now());
        if (!claimed) break;
        publish(claimed.id);
        await attempt(claimed);
      }
    } while (again && !stopped);
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (round) {
      // A round is running: make it look once more before it ends.
      again = true;
      return round;
    }
    round = work()
      .catch((error: unknown) => log.error('Delivery worker round failed', { error }))
      .finally(() => {
        round = null;
      });
    return round;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void kick().finally(schedule);
    }, retry.pollMs);
    timer.unref();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      const interrupted = outbox.requeueInterrupted(INTERRUPTED_REASON, clock.now());
      if (interrupted.length > 0) log.warn('Deliveries interrupted by a restart are sent again', { deliveryIds: interrupted });
      unsubscribe = outbox.onEnqueued(() => void kick());
      void kick();
      schedule();
    },
    kick,
    async stop() {
      stopped = true;
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      // A provider that hangs must not hold up a shutdown (service managers kill slow ones): a
      // delivery still unsettled then stays claimed, and the next start sends it again.
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, STOP_GRACE_MS);
      });
      await Promise.race([round, grace]);
      clearTimeout(graceTimer);
      for (const transport of Object.values(options.transports)) transport?.close();
    },
  };
}
