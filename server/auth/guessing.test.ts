// Password guesses sent all at once, against the real server: each is counted when admitted,
// before its hash, so no more than the limit are ever checked (counted by the real scrypt
// hasher the server runs), the right password in a burst does not get in, and a refused right
// password answers exactly like a refused wrong one. Failures, refusals and lockouts are logged
// without the secret, and a member's lockout is in the audit log.
import { afterEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http';
import { receptionRoutes } from '../../shared/reception';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { countStatus, postJson, seenByCaller, type Answer } from '../testing/burst';
import { observedHasher, type ObservedHasher } from '../testing/observedHasher';
import { startTestServer, type TestServer } from '../testing/testServer';
import { DEFAULT_GUESS_LIMITS, type GuessLimits } from './guessLimits';

let t: TestServer;
let hasher: ObservedHasher;
afterEach(() => t.close());

/** The hash gate roomy enough never to answer "busy": these tests are about the counts. */
async function start(limits: Partial<GuessLimits> = {}) {
  hasher = observedHasher();
  t = await startTestServer({ guessLimits: { ...DEFAULT_GUESS_LIMITS, hashQueue: 1000, hashQueuePerAddress: 1000, ...limits } }, { hasher });
}

const signIn = (email: string, password: string, from?: string) => postJson(t.url, routes.signIn, { email, password }, { from });
const inGate = (count: number) => t.server.hashing.until((stats) => stats.running + stats.waiting === count);
const sessionsOf = (memberId: number) =>
  (t.db.prepare('SELECT count(*) AS n FROM sessions WHERE member_id = ?').get(memberId) as { n: number }).n;

describe('password sign-in guesses sent all at once', () => {
  it('are checked no more than the limit; the right password refused answers like a wrong one; logged and audited', async () => {
    await start();
    const sofia = DEMO_MEMBERS.sofia.email;
    const limit = DEFAULT_GUESS_LIMITS.signInPerEmailAndAddress;
    // The first guesses fill the limit and are held in flight (admitted, unanswered) ...
    const release = hasher.hold();
    const first = Array.from({ length: limit }, (_, i) => signIn(sofia, `wrong-guess-${i}`));
    await inGate(limit);
    // ... while the rest arrive together, the right password among them.
    const rest = [...Array.from({ length: 14 }, (_, i) => signIn(sofia, `wrong-guess-${limit + i}`)), signIn(sofia, DEMO_PASSWORD), signIn(sofia, 'wrong-guess-last')];
    const refused = await Promise.all(rest);
    release();
    const checked = await Promise.all(first);

    expect(hasher.verifications).toBe(limit);
    expect(countStatus(checked, 401)).toBe(limit);
    expect(countStatus(refused, 429)).toBe(rest.length);
    expect(sessionsOf(t.demo.members.sofia)).toBe(0);
    const [right, wrong] = [refused.at(-2) as Answer, refused.at(-1) as Answer];
    expect(seenByCaller(right)).toEqual(seenByCaller(wrong));
    expect(right.headers['retry-after']).toBe('900');

    const logged = t.log.entries.filter((entry) => entry.fields?.kind === 'sign-in');
    expect(logged.filter((entry) => entry.message === 'Wrong sign-in')).toHaveLength(limit);
    expect(logged.find((entry) => entry.message === 'Wrong sign-in')?.fields).toEqual({ kind: 'sign-in', memberId: t.demo.members.sofia, address: '127.0.0.1' });
    expect(logged.find((entry) => entry.message === 'Guess refused: too many tries')?.fields).toMatchObject({ memberId: t.demo.members.sofia, address: '127.0.0.1', refusals: 1 });
    expect(logged.filter((entry) => entry.message === 'Locked out after too many wrong tries')).toHaveLength(1);
    expect(JSON.stringify(t.log.entries)).not.toMatch(/wrong-guess|lumen-demo/);
    expect(t.repos.audit.page(null, 5).items.filter((entry) => entry.action === 'security.lockout')).toEqual([
      expect.objectContaining({ actor: { id: t.demo.members.sofia, name: 'Sofia Marin' }, subject: 'Team member Sofia Marin', after: { lock: 'sign-in, per email from this address', address: '127.0.0.1' } }),
    ]);

    // The window passes: the member signs in.
    t.clock.advance(DEFAULT_GUESS_LIMITS.windowMs);
    expect((await signIn(sofia, DEMO_PASSWORD)).status).toBe(200);
  });

  it('from one address are checked no more than its limit, whichever emails they name', async () => {
    await start({ perAddress: 12 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`nobody-${i}@lumen.example`, 'some-guess')));
    expect(hasher.verifications).toBe(12);
    expect([countStatus(answers, 401), countStatus(answers, 429)]).toEqual([12, 18]);
  });

  it('for one email from several addresses are checked no more than its limit across them', async () => {
    await start({ signInPerEmail: 15 });
    const tom = DEMO_MEMBERS.tom.email;
    const answers = await Promise.all(
      ['127.0.0.2', '127.0.0.3'].flatMap((from) => Array.from({ length: 10 }, (_, i) => signIn(tom, `guess-${from}-${i}`, from))),
    );
    expect(hasher.verifications).toBe(15);
    expect([countStatus(answers, 401), countStatus(answers, 429)]).toEqual([15, 5]);
  });
});

describe('password confirmations sent all at once', () => {
  it('(setting a PIN, changing the password) share one count per member: the limit is checked, the right one refused alike', async () => {
    await start();
    const { token } = await t.signIn('marcus');
    const before = { verifications: hasher.verifications, hash: t.repos.team.credentialsByEmail(DEMO_MEMBERS.marcus.email)?.passwordHash };
    const limit = DEFAULT_GUESS_LIMITS.passwordConfirmPerMember;
    const setPin = (password: string) => postJson(t.url, receptionRoutes.setPin, { pin: '7391', password }, { token });
    const changePassword = (currentPassword: string) =>
      postJson(t.url, routes.changePassword, { currentPassword, newPassword: 'a-brand-new-password' }, { token });
    const release = hasher.hold();
    const first = Array.from({ length: limit }, (_, i) => (i % 2 ? setPin(`wrong-${i}`) : changePassword(`wrong-${i}`)));
    await inGate(limit);
    const rest = [setPin('wrong-a'), changePassword('wrong-b'), setPin(DEMO_PASSWORD), setPin('wrong-c'), changePassword(DEMO_PASSWORD), changePassword('wrong-d')];
    const refused = await Promise.all(rest);
    release();
    const checked = await Promise.all(first);

    expect(hasher.verifications - before.verifications).toBe(limit);
    expect(countStatus(checked, 403)).toBe(limit);
    expect(countStatus(refused, 429)).toBe(rest.length);
    expect(seenByCaller(refused[2]!)).toEqual(seenByCaller(refused[3]!));
    expect(seenByCaller(refused[4]!)).toEqual(seenByCaller(refused[5]!));
    expect(t.repos.reception.pinOf(t.demo.members.marcus)).toBeNull();
    expect(t.repos.team.credentialsByEmail(DEMO_MEMBERS.marcus.email)?.passwordHash).toBe(before.hash);
    expect(t.log.entries.filter((entry) => entry.message === 'Wrong password confirmation')).toHaveLength(limit);
  });
});
