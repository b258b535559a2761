// What clients may send and how much the workspace may store, from INBOX_* environment
// variables. Kept apart from config.ts so the limits and their defaults read in one place.
import { z } from 'zod';

export type ClientLimitsConfig = {
  /** Messages one client link may send a minute (socket `message:send`). */
  messagesPerMinute: number;
  /** Uploads one client link may start a minute. */
  uploadsPerMinute: number;
  /** Bytes one client may upload in any 24 hours, over all their links. */
  uploadBytesPerDay: number;
  /** A client link stops working this long after the later of when it was issued and the
   * start of the client's newest appointment (any status). */
  linkTtlMs: number;
  /** Total bytes of every stored attachment (staff and clients); uploads past it are refused. */
  storageQuotaBytes: number;
  /** How often unsent uploads and expired client links are swept. */
  maintenanceIntervalMs: number;
};

const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export const CLIENT_LIMIT_DEFAULTS = {
  INBOX_CLIENT_MESSAGES_PER_MINUTE: 20,
  INBOX_CLIENT_UPLOADS_PER_MINUTE: 10,
  INBOX_CLIENT_UPLOAD_MB_PER_DAY: 100,
  INBOX_CLIENT_LINK_DAYS: 90,
  INBOX_ATTACHMENT_STORAGE_MB: 5 * 1024,
} as const;
/** Unsent uploads are deleted a day after upload; sweeping hourly keeps them near that. */
export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

export const LIMITS_USAGE = `  INBOX_CLIENT_MESSAGES_PER_MINUTE  Messages one client link may send a minute (default 20)
  INBOX_CLIENT_UPLOADS_PER_MINUTE   Files one client link may upload a minute (default 10)
  INBOX_CLIENT_UPLOAD_MB_PER_DAY    MB one client may upload in 24 hours (default 100)
  INBOX_CLIENT_LINK_DAYS            Days a client link works after the client's newest
                                    appointment, or after it was issued (default 90)
  INBOX_ATTACHMENT_STORAGE_MB       MB of attachments the workspace may store (default 5120);
                                    owners are warned at 80 %`;

const count = (label: string, max: number) =>
  z.coerce.number({ error: `must be a number of ${label}` }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

const limitsSchema = z.object({
  INBOX_CLIENT_MESSAGES_PER_MINUTE: count('messages', 1_000_000),
  INBOX_CLIENT_UPLOADS_PER_MINUTE: count('uploads', 1_000_000),
  INBOX_CLIENT_UPLOAD_MB_PER_DAY: count('MB', 1024 * 1024),
  INBOX_CLIENT_LINK_DAYS: count('days', 3650),
  INBOX_ATTACHMENT_STORAGE_MB: count('MB', 1024 * 1024 * 1024),
});

export function parseClientLimits(env: Record<string, string | undefined>): { ok: true; limits: ClientLimitsConfig } | { ok: false; message: string } {
  const given = Object.fromEntries(
    Object.entries(CLIENT_LIMIT_DEFAULTS).map(([name, fallback]) => [name, env[name] === undefined || env[name] === '' ? fallback : env[name]]),
  );
  const parsed = limitsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Invalid ${String(issue?.path[0] ?? '')}: ${issue?.message}` };
  }
  const values = parsed.data;
  return {
    ok: true,
    limits: {
      messagesPerMinute: values.INBOX_CLIENT_MESSAGES_PER_MINUTE,
      uploadsPerMinute: values.INBOX_CLIENT_UPLOADS_PER_MINUTE,
      uploadBytesPerDay: values.INBOX_CLIENT_UPLOAD_MB_PER_DAY * MB,
      linkTtlMs: values.INBOX_CLIENT_LINK_DAYS * DAY_MS,
      storageQuotaBytes: values.INBOX_ATTACHMENT_STORAGE_MB * MB,
      maintenanceIntervalMs: MAINTENANCE_INTERVAL_MS,
    },
  };
}

/** The limits with every default, for tests that change one of them. */
export function defaultClientLimits(): ClientLimitsConfig {
  const parsed = parseClientLimits({});
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.limits;
}
