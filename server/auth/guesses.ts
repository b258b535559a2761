// Admitting a guess at a secret (a password sign-in, a PIN, "type your password to confirm"):
// every limit that applies is checked and the guess counted against each in one synchronous
// step, together with a place in the hash gate, before any slow hashing. However many arrive at
// once, no more than a limit's worth are ever checked. A refusal does not look at the secret,
// so a right one refused answers exactly like a wrong one. Failures, refusals and lockouts are
// logged (member id and address, never the secret); lockouts of a member go to the audit log.
import type { ServerDeps } from '../deps';
import { HttpError } from '../http/errors';
import { createAttemptLimiter, type AttemptLimiter } from './attemptLimiter';
import { busyError, type HashSlot } from './hashGate';

export type GuessKind = 'sign-in' | 'PIN' | 'password confirmation';

/** One limit a guess counts against. `reset`: a right guess clears the key (it is the
 * member's own); `forgive`: it takes back only itself (others' failures under the key stay). */
export type GuessCounter = { limiter: AttemptLimiter; key: string; name: string; onSuccess: 'reset' | 'forgive' };

export type Admission = {
  run: HashSlot['run'];
  /** The secret was right. */
  succeeded(): void;
  /** The secret was wrong (or no longer the member's). */
  failed(): void;
};

type Member = { id: number; name: string } | null;

/** Logs the 1st, 10th, 100th… refusal of a key in a window, so a flood cannot flood the log. */
const worthLogging = (refusals: number) => refusals > 0 && /^10*$/.test(String(refusals));

export function limitedError(kind: GuessKind, retryAfterMs: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const what = kind === 'sign-in' ? 'failed sign-ins' : kind === 'PIN' ? 'wrong PINs from this address' : 'wrong passwords';
  return new HttpError(429, 'rate_limited', `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, {
    'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
  });
}

export type Guesses = ReturnType<typeof createGuesses>;

export function createGuesses(deps: ServerDeps) {
  const { config, clock, log, repos } = deps;
  const limits = config.guessLimits;
  const byAddress = createAttemptLimiter({ maxAttempts: limits.perAddress, windowMs: limits.windowMs, clock });
  const limiter = (maxAttempts: number) => createAttemptLimiter({ maxAttempts, windowMs: limits.windowMs, clock });

  /** Logs a lockout and, for a member, records it in the audit log managers read. */
  function lockedOut(kind: GuessKind, member: Member, address: string, lock: string): void {
    log.warn('Locked out after too many wrong tries', { kind, lock, memberId: member?.id ?? null, address });
    if (!member) return;
    repos.audit.record({
      at: clock.now(),
      actor: member,
      action: 'security.lockout',
      subject: `Team member ${member.name}`,
      before: null,
      after: { lock, address },
    });
  }

  let busyRefusals = 0;
  // Refusals counted outside the window limiters (locked PINs and computers), for sampled logs.
  const refusalCounts = new Map<string, number>();

  return {
    limiter,
    lockedOut,
    /** Logs a refusal at the 1st, 10th, 100th… time for its key, with the count so far. */
    refused(key: string, message: string, fields: Record<string, unknown>): void {
      if (refusalCounts.size >= 10_000 && !refusalCounts.has(key)) refusalCounts.clear();
      const refusals = (refusalCounts.get(key) ?? 0) + 1;
      refusalCounts.set(key, refusals);
      if (worthLogging(refusals)) log.warn(message, { ...fields, refusals });
    },
    /**
     * Admits one guess or throws (429 limited, or 429 busy). Synchronous: nothing else runs
     * between the checks and the counting. `alsoAdmit` counts limits kept elsewhere (the PIN
     * counts in the database) in the same step; it returns the refusal, or null once counted.
     */
    admit(input: {
      kind: GuessKind;
      address: string;
      member: Member;
      counters: GuessCounter[];
      alsoAdmit?: () => HttpError | null;
    }): Admission {
      const { kind, address, member } = input;
      const counters: GuessCounter[] = [{ limiter: byAddress, key: address, name: 'address', onSuccess: 'forgive' }, ...input.counters];
      const fields = { kind, memberId: member?.id ?? null, address };
      for (const counter of counters) {
        const retryAfterMs = counter.limiter.retryAfterMs(counter.key);
        if (retryAfterMs === 0) continue;
        const refusals = counter.limiter.refused(counter.key);
        if (worthLogging(refusals)) log.warn('Guess refused: too many tries', { ...fields, limit: counter.name, refusals });
        throw limitedError(kind, retryAfterMs);
      }
      const slot = deps.hashing.reserve(address);
      if (!slot) {
        busyRefusals += 1;
        if (worthLogging(busyRefusals)) log.warn('Guess refused: hashing is busy', { ...fields, busyRefusals });
        throw busyError();
      }
      const refusal = input.alsoAdmit?.() ?? null;
      if (refusal) {
        slot.release();
        throw refusal;
      }
      for (const counter of counters) counter.limiter.admit(counter.key);
      return {
        run: (work) => slot.run(work),
        succeeded() {
          for (const counter of counters) {
            if (counter.onSuccess === 'reset') counter.limiter.reset(counter.key);
            else counter.limiter.forgive(counter.key);
          }
        },
        failed() {
          log.warn(`Wrong ${kind === 'sign-in' ? 'sign-in' : kind}`, fields);
          for (const counter of counters) {
            if (counter.limiter.failed(counter.key)) lockedOut(kind, counter.name === 'address' ? null : member, address, `${kind}, per ${counter.name}`);
          }
        },
      };
    },
  };
}
