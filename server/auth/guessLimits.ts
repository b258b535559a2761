// How many secrets (passwords, PINs) may be tried, and how much hashing may run at once. Read
// from INBOX_* environment variables with safe defaults; config.ts folds them into ServerConfig.
import { z } from 'zod';
import { DEVICE_PIN_FAILURES_MAX, MEMBER_PIN_FAILURES_MAX } from '../../shared/reception';
/** The process environment, as the server's configuration reads it. */
type Env = Record<string, string | undefined>;

export type GuessLimits = {
  /** The window the in-memory counts below run over (PIN counts are "in a row", not windowed). */
  windowMs: number;
  /** Password sign-ins for one email from one address per window. */
  signInPerEmailAndAddress: number;
  /** Password sign-ins for one email from any address per window. */
  signInPerEmail: number;
  /** Every guess (sign-in, PIN, password confirmation) from one address per window. */
  perAddress: number;
  /** "Type your password to confirm" tries per member per window. */
  passwordConfirmPerMember: number;
  /** PIN tries for one member before the PIN locks until a password sign-in. */
  pinPerMember: number;
  /** PIN tries on one reception computer before PINs lock there until a password sign-in. */
  pinPerComputer: number;
  /** Password/PIN hashes computing at once. Below libuv's threadpool size, so file reads for
   * static pages (which share that pool) always find a free thread. */
  hashConcurrency: number;
  /** Hashes computing or waiting, in total, before new ones are refused as busy. */
  hashQueue: number;
  /** Hashes computing or waiting for one address before its new ones are refused as busy. */
  hashQueuePerAddress: number;
};

export const DEFAULT_GUESS_LIMITS: GuessLimits = {
  windowMs: 15 * 60 * 1000,
  signInPerEmailAndAddress: 10,
  signInPerEmail: 20,
  perAddress: 50,
  passwordConfirmPerMember: 10,
  pinPerMember: MEMBER_PIN_FAILURES_MAX,
  pinPerComputer: DEVICE_PIN_FAILURES_MAX,
  hashConcurrency: 2,
  hashQueue: 32,
  hashQueuePerAddress: 8,
};

/** Environment variable of each limit (the window in minutes). */
export const GUESS_LIMIT_ENV: Record<keyof GuessLimits, string> = {
  windowMs: 'INBOX_GUESS_WINDOW_MINUTES',
  signInPerEmailAndAddress: 'INBOX_SIGN_IN_LIMIT_PER_EMAIL_AND_ADDRESS',
  signInPerEmail: 'INBOX_SIGN_IN_LIMIT_PER_EMAIL',
  perAddress: 'INBOX_GUESS_LIMIT_PER_ADDRESS',
  passwordConfirmPerMember: 'INBOX_PASSWORD_CONFIRM_LIMIT',
  pinPerMember: 'INBOX_PIN_LIMIT_PER_MEMBER',
  pinPerComputer: 'INBOX_PIN_LIMIT_PER_COMPUTER',
  hashConcurrency: 'INBOX_HASH_CONCURRENCY',
  hashQueue: 'INBOX_HASH_QUEUE_LIMIT',
  hashQueuePerAddress: 'INBOX_HASH_QUEUE_LIMIT_PER_ADDRESS',
};

/** libuv's default when UV_THREADPOOL_SIZE is not set. */
const DEFAULT_THREADPOOL_SIZE = 4;

const count = (max: number) =>
  z.coerce.number({ error: `must be a whole number from 1 to ${max}` }).int(`must be a whole number from 1 to ${max}`).min(1, `must be a whole number from 1 to ${max}`).max(max, `must be a whole number from 1 to ${max}`);

export function parseGuessLimits(env: Env): { ok: true; limits: GuessLimits } | { ok: false; message: string } {
  const threadpool = Number(env.UV_THREADPOOL_SIZE) || DEFAULT_THREADPOOL_SIZE;
  const read = (key: keyof GuessLimits, schema: z.ZodType<number>, fallback: number): number | string => {
    const raw = env[GUESS_LIMIT_ENV[key]];
    if (raw === undefined || raw.trim() === '') return fallback;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : `Invalid ${GUESS_LIMIT_ENV[key]}: ${parsed.error.issues[0]?.message}`;
  };
  const values = {
    windowMs: read('windowMs', count(24 * 60), DEFAULT_GUESS_LIMITS.windowMs / 60_000),
    signInPerEmailAndAddress: read('signInPerEmailAndAddress', count(1000), DEFAULT_GUESS_LIMITS.signInPerEmailAndAddress),
    signInPerEmail: read('signInPerEmail', count(10_000), DEFAULT_GUESS_LIMITS.signInPerEmail),
    perAddress: read('perAddress', count(100_000), DEFAULT_GUESS_LIMITS.perAddress),
    passwordConfirmPerMember: read('passwordConfirmPerMember', count(1000), DEFAULT_GUESS_LIMITS.passwordConfirmPerMember),
    pinPerMember: read('pinPerMember', count(100), DEFAULT_GUESS_LIMITS.pinPerMember),
    pinPerComputer: read('pinPerComputer', count(1000), DEFAULT_GUESS_LIMITS.pinPerComputer),
    hashConcurrency: read('hashConcurrency', count(Math.max(1, threadpool - 1)), Math.min(DEFAULT_GUESS_LIMITS.hashConcurrency, Math.max(1, threadpool - 1))),
    hashQueue: read('hashQueue', count(10_000), DEFAULT_GUESS_LIMITS.hashQueue),
    hashQueuePerAddress: read('hashQueuePerAddress', count(10_000), DEFAULT_GUESS_LIMITS.hashQueuePerAddress),
  };
  const problem = Object.values(values).find((value) => typeof value === 'string');
  if (typeof problem === 'string') {
    return { ok: false, message: problem.includes(GUESS_LIMIT_ENV.hashConcurrency) ? `${problem} (below UV_THREADPOOL_SIZE, ${threadpool})` : problem };
  }
  const limits = values as Record<keyof GuessLimits, number>;
  return { ok: true, limits: { ...limits, windowMs: limits.windowMs * 60_000 } };
}
