// "Type your password to confirm it is you", for changes a colleague at an unlocked screen must
// not make (a PIN, the password itself). Tries are counted per member when admitted, before the
// hash, so a signed-in screen is no faster a way to guess a password than the sign-in page. One
// instance serves every route that asks, so they share the count.
import type { ServerDeps } from '../deps';
import { HttpError } from '../http/errors';
import type { Guesses } from './guesses';

/** Resolves to the stored hash the password matched, so a caller that goes on to change
 * something can make sure it is still the member's after its own awaits. */
export type PasswordCheck = (memberId: number, password: string, address: string) => Promise<string>;

export function createPasswordCheck({ repos, config }: ServerDeps, guesses: Guesses): PasswordCheck {
  const perMember = guesses.limiter(config.guessLimits.passwordConfirmPerMember);
  return async (memberId, password, address) => {
    const member = repos.team.memberById(memberId);
    const credentials = member && repos.team.credentialsByEmail(member.email);
    if (!member || !credentials) throw new HttpError(401, 'unauthenticated', 'You are not signed in, or your session has expired.');
    const admission = guesses.admit({
      kind: 'password confirmation',
      address,
      member: { id: member.id, name: member.name },
      counters: [{ limiter: perMember, key: String(memberId), name: 'member', onSuccess: 'reset' }],
    });
    const matches = await admission.run((hasher) => hasher.verify(password, credentials.passwordHash));
    if (!matches) {
      admission.failed();
      throw new HttpError(403, 'forbidden', 'Your password is not correct, so nothing was changed.');
    }
    admission.succeeded();
    return credentials.passwordHash;
  };
}
