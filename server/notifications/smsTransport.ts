// Text messages through an HTTP provider: POST {to, text, from} as JSON with a Bearer key and an
// Idempotency-Key header that stays the same across attempts, so a provider that honours it
// sends a retried text once.
import type { SmsConfig } from '../config';
import { DeliveryError, type DeliveryTransport } from './transports';

const TIMEOUT_MS = 15_000;

export function createSmsTransport(config: SmsConfig, fetchImpl: typeof fetch = fetch): DeliveryTransport {
  return {
    async send(delivery) {
      let response: Response;
      try {
        response = await fetchImpl(config.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${config.key}`,
            'content-type': 'application/json',
            'idempotency-key': delivery.idempotencyKey,
          },
          body: JSON.stringify({ to: delivery.to, text: delivery.text, ...(config.from ? { from: config.from } : {}) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new DeliveryError(`Could not reach the text message provider (${(error as Error).message}).`, false);
      }
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      // 408, 429 and 5xx are worth another try; any other refusal will not change.
      const transient = response.status === 408 || response.status === 429 || response.status >= 500;
      throw new DeliveryError(`The text message provider answered ${response.status}.`, !transient);
    },
    close() {},
  };
}
