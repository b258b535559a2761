// Per-link rate limits for clients: messages and uploads a minute. One link cannot flood the
// inbox or the disk however fast it sends; staff are never counted here.
import { err, type Err } from '../../shared/result';
import type { Clock } from '../clock';
import type { ClientLimitsConfig } from './limitsConfig';
import { createWindowLimiter } from './windowLimiter';

const MINUTE_MS = 60_000;

export type ClientLimits = ReturnType<typeof createClientLimits>;

export function createClientLimits(config: ClientLimitsConfig, clock: Clock) {
  const messages = createWindowLimiter({ max: config.messagesPerMinute, windowMs: MINUTE_MS, clock });
  const uploads = createWindowLimiter({ max: config.uploadsPerMinute, windowMs: MINUTE_MS, clock });
  return {
    /** Counts a message send of this link; the refusal (with retryAfterMs) once past the limit. */
    admitMessage(linkId: number): Err | null {
      const retryAfterMs = messages.admit(linkId);
      if (retryAfterMs === 0) return null;
      return err('rate_limited', 'You are sending messages too quickly. Wait a moment and try again.', { retryAfterMs });
    },
    /** Counts an upload of this link: 0, or milliseconds until it may upload again. */
    admitUpload(linkId: number): number {
      return uploads.admit(linkId);
    },
  };
}
