// "Type your password to confirm it is you", for changes a colleague at an unlocked screen must
// not make (a PIN, the password itself). Wrong passwords are counted per member, so a signed-in
// screen is no faster a way to guess a password than the sign-in page. One instance serves every
// route that asks, so they share the count.
import type { Clock } from '../clock';
import { HttpError } from '../http/errors';
import type { Repositories } from '../repositories';
import { createAttemptLimiter } from './attemptLimiter';
import { verifyPassword } from './password';

const LIMIT_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords per member in the window: as slow to guess through as sign-in. */
const MAX_FAILURES_PER_MEMBER = 10;

/** Resolves to the stored hash the password matched, so a caller that goes on to change
 * something can make sure it is still the member's after its own awaits. */
export type PasswordCheck = (memberId: number, password: string) => Promise<string>;

export function createPasswordCheck({ repos, clock }: { repos: Repositories; clock: Clock }): PasswordCheck {
  const failures = createAttemptLimiter({ maxFailures: MAX_FAILURES_PER_MEMBER, windowMs: LIMIT_WINDOW_MS, clock });
  return async (memberId, password) => {
    const key = String(memberId);
    const retryAfterMs = failures.retryAfterMs(key);
    if (retryAfterMs > 0) {
      const minutes = Math.ceil(retryAfterMs / 60_000);
      throw new HttpError(429, 'rate_limited', `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, {
        'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
      });
    }
    const member = repos.team.memberById(memberId);
    const credentials = member && repos.team.credentialsByEmail(member.email);
    if (!credentials || !(await verifyPassword(password, credentials.passwordHash))) {
      failures.recordFailure(key);
      throw new HttpError(403, 'forbidden', 'Your password is not correct, so nothing was changed.');
    }
    failures.reset(key);
    return credentials.passwordHash;
  };
}
