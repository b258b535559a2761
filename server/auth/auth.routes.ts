// Staff sign-in, sign-out and password change over HTTP. Sign-in snapshots the member's grants
// and locations into the session (R8); only the token's hash is stored. Each sign-in is counted
// as a guess (per email from its address, per email, per address) before its password is hashed,
// and the hashing waits its turn in the hash gate (guesses.ts, hashGate.ts).
import { changePasswordRequestSchema, routes, signInRequestSchema, type SignInResponse } from '../../shared/http';
import type { SessionEndReason } from '../realtime/pushes';
import type { ServerDeps } from '../deps';
import { HttpError, parseOrThrow } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import type { Guesses } from './guesses';
import { dummyPasswordHash, needsRehash } from './password';
import { createPasswordService } from './passwordService';
import type { PasswordCheck } from './passwordCheck';
import { startSession } from './startSession';
import type { StaffSession } from './sessions.repository';
import { createStaffAccess } from './staffAccess';

const wrongCredentials = () => new HttpError(401, 'unauthenticated', 'The email or password is incorrect.');

export type AuthRouteOptions = {
  /** Tells the sockets signed in with a session that just ended why, and disconnects them. */
  endSessionSockets(sessionId: number, reason: SessionEndReason): void;
  checkPassword: PasswordCheck;
  guesses: Guesses;
};

export function authRoutes(deps: ServerDeps, options: AuthRouteOptions): Route[] {
  const { repos, clock } = deps;
  const access = createStaffAccess(deps);
  const passwords = createPasswordService(repos, clock);
  const { guesses } = options;
  const perEmailAndAddress = guesses.limiter(deps.config.guessLimits.signInPerEmailAndAddress);
  const perEmail = guesses.limiter(deps.config.guessLimits.signInPerEmail);

  async function signIn({ readJson, ip }: ApiRequest): Promise<SignInResponse> {
    const { email, password } = parseOrThrow(signInRequestSchema, await readJson());
    // A deactivated member is answered like an unknown email: nothing says the account exists.
    const found = repos.team.credentialsByEmail(email);
    const member = found && !found.deactivated ? found : null;
    // Counted before the hash, by email (known or not, so limits say nothing about who exists).
    const admission = guesses.admit({
      kind: 'sign-in',
      address: ip,
      member: member ? { id: member.id, name: member.name } : null,
      counters: [
        { limiter: perEmailAndAddress, key: `${ip} ${email}`, name: 'email from this address', onSuccess: 'reset' },
        { limiter: perEmail, key: email, name: 'email', onSuccess: 'forgive' },
      ],
    });
    // Always verify, even for an unknown email, so timing does not reveal which emails exist.
    // The password is known right after a match: the moment to store it under today's parameters.
    const checked = await admission.run(async (hasher) => {
      const matches = await hasher.verify(password, member?.passwordHash ?? dummyPasswordHash());
      if (!member || !matches) return null;
      return { rehashed: needsRehash(member.passwordHash) ? await hasher.hash(password) : null };
    });
    // Other requests ran during the awaits: the session starts only if the password just checked
    // is still the member's (a sign-in must not outlive a password change made meanwhile). From
    // here on nothing awaits, so nothing can come in between.
    const current = repos.team.credentialsByEmail(email);
    if (!checked || !member || !current || current.deactivated || current.id !== member.id || current.passwordHash !== member.passwordHash) {
      admission.failed();
      throw wrongCredentials();
    }
    admission.succeeded();
    if (checked.rehashed) repos.team.replacePasswordHash(member.id, member.passwordHash, checked.rehashed);
    return startSession(deps, current, 'password');
  }

  function signOut(_request: ApiRequest, session: StaffSession): Record<string, never> {
    repos.sessions.revoke(session.id, clock.now());
    options.endSessionSockets(session.id, 'signed-out');
    return {};
  }

  /** Needs the current password too (an unlocked screen is not enough). Every other session of
   * the member ends, and their PIN: whoever knew the old password is signed out everywhere.
   * This session stays. */
  async function changePassword(request: ApiRequest, session: StaffSession): Promise<{ signedOutSessions: number; pinCleared: boolean }> {
    const { currentPassword, newPassword } = parseOrThrow(changePasswordRequestSchema, await request.readJson());
    if (newPassword === currentPassword) {
      const message = 'Choose a password different from your current one.';
      throw new HttpError(400, 'bad_request', message, [{ path: 'newPassword', message }]);
    }
    const checked = await options.checkPassword(session.memberId, currentPassword, request.ip);
    const passwordHash = await deps.hashing.hash(request.ip, newPassword);
    // Other requests ran during the awaits: go on only if this session is still live (throws
    // otherwise) and the password is still the one just checked.
    access.authorize(access.sessionOf(request), 'POST /api/auth/password');
    const changed = passwords.replace({
      memberId: session.memberId,
      checkedHash: checked,
      newHash: passwordHash,
      pinClearReason: 'password-changed',
      keepSessionId: session.id,
      audit: null,
    });
    if (changed === null) {
      throw new HttpError(409, 'conflict', 'Your password was changed meanwhile (in another window?), so this change was not made.');
    }
    const { endedSessionIds: ended, pinCleared } = changed;
    for (const sessionId of ended) options.endSessionSockets(sessionId, 'password-changed');
    deps.log.info('Password changed', { memberId: session.memberId, endedSessions: ended.length, pinCleared });
    return { signedOutSessions: ended.length, pinCleared };
  }

  return [
    { method: 'POST', path: routes.signIn, handle: signIn },
    access.route('POST /api/auth/sign-out', signOut),
    access.route('POST /api/auth/password', changePassword),
  ];
}
