// Staff sign-in, sign-out and password change over HTTP. Sign-in snapshots the member's grants
// and locations into the session (R8); only the token's hash is stored.
import { changePasswordRequestSchema, routes, signInRequestSchema, type SignInResponse } from '../../shared/http';
import type { SessionEndReason } from '../realtime/pushes';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import { createAttemptLimiter } from './attemptLimiter';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { PasswordCheck } from './passwordCheck';
import { startSession } from './startSession';
import { bearerToken, hashToken } from './tokens';

const LIMIT_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per email from one address, and per address over all emails. */
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

const wrongCredentials = () => new HttpError(401, 'unauthenticated', 'The email or password is incorrect.');

export type AuthRouteOptions = {
  /** Tells the sockets signed in with a session that just ended why, and disconnects them. */
  endSessionSockets(sessionId: number, reason: SessionEndReason): void;
  checkPassword: PasswordCheck;
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
    // The password is known right now: the moment to store it under today's parameters.
    const rehashed = needsRehash(member.passwordHash) ? await hashPassword(password) : null;
    // Other requests ran during the awaits: the session starts only if the password just checked
    // is still the member's (a sign-in must not outlive a password change made meanwhile). From
    // here on nothing awaits, so nothing can come in between.
    const current = repos.team.credentialsByEmail(email);
    if (!current || current.id !== member.id || current.passwordHash !== member.passwordHash) throw wrongCredentials();
    if (rehashed) repos.team.replacePasswordHash(member.id, member.passwordHash, rehashed);
    return startSession(deps, current, 'password');
  }

  function sessionOf({ req }: ApiRequest) {
    const token = bearerToken(req.headers.authorization);
    const session = token === null ? null : repos.sessions.findActive(hashToken(token), clock.now());
    if (!session) throw new HttpError(401, 'unauthenticated', 'You are not signed in, or your session has expired.');
    return session;
  }

  function signOut(request: ApiRequest): Record<string, never> {
    const session = sessionOf(request);
    repos.sessions.revoke(session.id, clock.now());
    options.endSessionSockets(session.id, 'signed-out');
    return {};
  }

  /** Needs the current password too (an unlocked screen is not enough). Every other session of
   * the member ends: whoever knew the old password is signed out everywhere. This one stays. */
  async function changePassword(request: ApiRequest): Promise<{ signedOutSessions: number }> {
    const session = sessionOf(request);
    const { currentPassword, newPassword } = parseOrThrow(changePasswordRequestSchema, await request.readJson());
    if (newPassword === currentPassword) {
      const message = 'Choose a password different from your current one.';
      throw new HttpError(400, 'bad_request', message, [{ path: 'newPassword', message }]);
    }
    const checked = await options.checkPassword(session.memberId, currentPassword);
    const passwordHash = await hashPassword(newPassword);
    // Other requests ran during the awaits: go on only if this session is still live (throws
    // otherwise) and the password is still the one just checked.
    sessionOf(request);
    const ended = repos.transaction(() =>
      repos.team.replacePasswordHash(session.memberId, checked, passwordHash)
        ? repos.sessions.revokeOthersOfMember(session.memberId, session.id, clock.now())
        : null,
    );
    if (ended === null) {
      throw new HttpError(409, 'conflict', 'Your password was changed meanwhile (in another window?), so this change was not made.');
    }
    for (const sessionId of ended) options.endSessionSockets(sessionId, 'password-changed');
    deps.log.info('Password changed', { memberId: session.memberId, endedSessions: ended.length });
    return { signedOutSessions: ended.length };
  }

  return [
    { method: 'POST', path: routes.signIn, handle: signIn },
    { method: 'POST', path: routes.signOut, handle: signOut },
    { method: 'POST', path: routes.changePassword, handle: changePassword },
  ];
}
