// Staff sign-in and sign-out over HTTP. Sign-in snapshots the member's grants and locations
// into the session (R8); only the token's hash is stored.
import { routes, signInRequestSchema, type SignInResponse } from '../../shared/http';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import { createAttemptLimiter } from './attemptLimiter';
import { dummyPasswordHash, verifyPassword } from './password';
import { startSession } from './startSession';
import { bearerToken, hashToken } from './tokens';

const LIMIT_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per email from one address, and per address over all emails. */
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

const wrongCredentials = () => new HttpError(401, 'unauthenticated', 'The email or password is incorrect.');

export type AuthRouteOptions = {
  /** Disconnects the sockets signed in with a session that just ended. */
  endSessionSockets(sessionId: number): void;
};

export function authRoutes(deps: ServerDeps, options: AuthRouteOptions): Route[] {
  const { repos, clock } = deps;
  const limiter = createAttemptLimiter({ maxFailures: MAX_FAILURES_PER_EMAIL, windowMs: LIMIT_WINDOW_MS, clock });
  const addressLimiter = createAttemptLimiter({ maxFailures: MAX_FAILURES_PER_ADDRESS, windowMs: LIMIT_WINDOW_MS, clock });

  async function signIn({ readJson, ip }: ApiRequest): Promise<SignInResponse> {
    const { email, password } = parseOrThrow(signInRequestSchema, await readJson());
    const emailKey = `${ip} ${email}`;
    const retryAfterMs = Math.max(limiter.retryAfterMs(emailKey), addressLimiter.retryAfterMs(ip));
    if (retryAfterMs > 0) {
      const minutes = Math.ceil(retryAfterMs / 60_000);
      throw new HttpError(429, 'rate_limited', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, {
        'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
      });
    }

    const member = repos.team.credentialsByEmail(email);
    // Always verify, even for an unknown email, so timing does not reveal which emails exist.
    const passwordMatches = await verifyPassword(password, member?.passwordHash ?? dummyPasswordHash());
    if (!member || !passwordMatches) {
      limiter.recordFailure(emailKey);
      addressLimiter.recordFailure(ip);
      throw wrongCredentials();
    }
    limiter.reset(emailKey);

    return startSession(deps, member, 'password');
  }

  function signOut({ req }: ApiRequest): Record<string, never> {
    const token = bearerToken(req.headers.authorization);
    const session = token === null ? null : repos.sessions.findActive(hashToken(token), clock.now());
    if (!session) throw new HttpError(401, 'unauthenticated', 'You are not signed in, or your session has expired.');
    repos.sessions.revoke(session.id, clock.now());
    options.endSessionSockets(session.id);
    return {};
  }

  return [
    { method: 'POST', path: routes.signIn, handle: signIn },
    { method: 'POST', path: routes.signOut, handle: signOut },
  ];
}
