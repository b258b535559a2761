// PIN guesses sent all at once at a set-up reception computer, against the real server: each is
// counted against the member and the computer when admitted, before its hash, so no more than
// the member's (or the computer's) limit are checked, the right PIN in the burst does not get
// in, and it answers exactly like the wrong ones: nothing in the answers tells them apart, so
// nothing is learned for later. Owners, on every location's roster, are covered the same way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receptionDeviceSchema, receptionRoutes } from '../../shared/reception';
import { DEFAULT_GUESS_LIMITS } from '../auth/guessLimits';
import { DEMO_PASSWORD } from '../demo/demoData';
import { countStatus, postJson, seenByCaller, type Answer } from '../testing/burst';
import { observedHasher, type ObservedHasher } from '../testing/observedHasher';
import { startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let hasher: ObservedHasher;
beforeEach(async () => {
  hasher = observedHasher();
  // The hash gate roomy enough never to answer "busy": these tests are about the counts.
  t = await startTestServer({ guessLimits: { ...DEFAULT_GUESS_LIMITS, hashQueue: 1000, hashQueuePerAddress: 1000 } }, { hasher });
});
afterEach(() => t.close());

const PINS = { priya: '258013', marcus: '739142', owner: '482617' } as const;
const { pinPerMember, pinPerComputer } = DEFAULT_GUESS_LIMITS;

async function setPins(...members: (keyof typeof PINS)[]) {
  for (const member of members) {
    const { token } = await t.signIn(member);
    const response = await postJson(t.url, receptionRoutes.setPin, { pin: PINS[member], password: DEMO_PASSWORD }, { token });
    expect(response.status, response.body).toBe(200);
  }
}

async function sohoComputer(): Promise<string> {
  const { token } = await t.signIn('priya');
  const response = await postJson(t.url, receptionRoutes.registerDevice, { location: 'Lumen Soho' }, { token });
  return receptionDeviceSchema.parse(JSON.parse(response.body)).deviceToken;
}

/** Distinct wrong PINs that appear nowhere else (so the log can be searched for them). */
const wrongPin = (i: number) => String(913_570 + i);
const inGate = (count: number) => t.server.hashing.until((stats) => stats.running + stats.waiting === count);
const sessionsOf = (memberId: number) =>
  (t.db.prepare('SELECT count(*) AS n FROM sessions WHERE member_id = ?').get(memberId) as { n: number }).n;

/** Fills a limit with held guesses, then sends the rest (the right PIN among them) while those
 * are in flight; answers both groups once all are answered. */
async function burst(first: (() => Promise<Answer>)[], rest: (() => Promise<Answer>)[]) {
  const release = hasher.hold();
  const checked = first.map((send) => send());
  await inGate(first.length);
  const refused = await Promise.all(rest.map((send) => send()));
  release();
  return { checked: await Promise.all(checked), refused };
}

describe('PIN guesses for one member sent all at once', () => {
  it(`are checked no more than ${pinPerMember}; the right PIN in the burst is refused exactly like a wrong one (no answer tells them apart)`, async () => {
    await setPins('priya');
    const deviceToken = await sohoComputer();
    const baseline = hasher.verifications;
    const sessionsBefore = sessionsOf(t.demo.members.priya);
    const guess = (pin: string) => () => postJson(t.url, receptionRoutes.pinSignIn, { deviceToken, memberId: t.demo.members.priya, pin });
    const { checked, refused } = await burst(
      Array.from({ length: pinPerMember }, (_, i) => guess(wrongPin(i))),
      [...Array.from({ length: 10 }, (_, i) => guess(wrongPin(100 + i))), guess(PINS.priya), guess(wrongPin(200))],
    );

    expect(hasher.verifications - baseline).toBe(pinPerMember);
    expect(countStatus(checked, 401)).toBe(pinPerMember);
    expect(countStatus(refused, 429)).toBe(refused.length);
    expect(new Set(refused.map((answer) => JSON.stringify(seenByCaller(answer)))).size).toBe(1);
    expect(JSON.parse(refused[0]!.body).error.details).toEqual({ lockout: 'member' });
    expect(sessionsOf(t.demo.members.priya)).toBe(sessionsBefore);

    const logged = t.log.entries.filter((entry) => entry.fields?.memberId === t.demo.members.priya);
    expect(logged.filter((entry) => entry.message === 'Wrong PIN')).toHaveLength(pinPerMember);
    expect(logged.find((entry) => entry.message === 'Wrong PIN')?.fields).toEqual({ kind: 'PIN', memberId: t.demo.members.priya, address: '127.0.0.1' });
    // Refusals are logged at the 1st, 10th, 100th… so a flood cannot flood the log.
    expect(logged.filter((entry) => entry.message === 'PIN refused: PIN locked').map((entry) => entry.fields?.refusals)).toEqual([1, 10]);
    expect(JSON.stringify(t.log.entries)).not.toMatch(/9135|9136|9137|258013/);
    expect(t.repos.audit.page(null, 5).items.filter((entry) => entry.action === 'security.lockout')).toEqual([
      expect.objectContaining({ actor: { id: t.demo.members.priya, name: 'Priya Shah' }, after: { lock: "member's PIN", address: '127.0.0.1' } }),
    ]);
  });
});

describe('PIN guesses at one computer sent all at once', () => {
  it(`are checked no more than ${pinPerComputer}, across members; the owner's right PIN is refused like a wrong one`, async () => {
    await setPins('priya', 'marcus', 'owner');
    const deviceToken = await sohoComputer();
    const baseline = hasher.verifications;
    const ownerSessions = sessionsOf(t.demo.members.owner);
    const guess = (memberId: number, pin: string) => () => postJson(t.url, receptionRoutes.pinSignIn, { deviceToken, memberId, pin });
    // Under each member's limit, together at the computer's.
    const { members } = t.demo;
    const first = Array.from({ length: pinPerComputer }, (_, i) => guess(i % 2 ? members.priya : members.marcus, wrongPin(i)));
    const { checked, refused } = await burst(first, [guess(members.owner, wrongPin(300)), guess(members.owner, PINS.owner), guess(members.owner, wrongPin(301))]);

    expect(hasher.verifications - baseline).toBe(pinPerComputer);
    expect(countStatus(checked, 401)).toBe(pinPerComputer);
    expect(refused.map((answer) => answer.status)).toEqual([429, 429, 429]);
    expect(seenByCaller(refused[1]!)).toEqual(seenByCaller(refused[0]!));
    expect(seenByCaller(refused[1]!)).toEqual(seenByCaller(refused[2]!));
    expect(JSON.parse(refused[1]!.body).error.details).toEqual({ lockout: 'device' });
    expect(sessionsOf(t.demo.members.owner)).toBe(ownerSessions);
    expect(t.repos.audit.page(null, 5).items.some((entry) => entry.action === 'security.lockout' && (entry.after as { lock: string }).lock === 'reception computer at Lumen Soho')).toBe(true);
  });
});

describe('the right PIN admitted with wrong ones at once', () => {
  it('signs in even though the wrong ones locked the PIN meanwhile: it was one of the tries allowed, and no other answer is given', async () => {
    await setPins('priya');
    const deviceToken = await sohoComputer();
    const guess = (pin: string) => postJson(t.url, receptionRoutes.pinSignIn, { deviceToken, memberId: t.demo.members.priya, pin });
    const release = hasher.hold();
    const wrong = Array.from({ length: pinPerMember - 1 }, (_, i) => guess(wrongPin(i)));
    await inGate(pinPerMember - 1);
    // Admitted last, so checked last: by then the wrong ones have locked the PIN.
    const right = guess(PINS.priya);
    await inGate(pinPerMember);
    release();
    expect((await Promise.all(wrong)).map((answer) => answer.status)).toEqual(Array.from({ length: pinPerMember - 1 }, () => 401));
    expect((await right).status).toBe(200);
    // The lock did happen (and was recorded) before the right PIN's check ended it.
    expect(t.log.entries.some((entry) => entry.message === 'Locked out after too many wrong tries' && entry.fields?.lock === "member's PIN")).toBe(true);
    expect(t.repos.reception.pinOf(t.demo.members.priya)?.locked).toBe(false);
  });
});
