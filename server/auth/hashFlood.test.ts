// Hash flooding against the real server with real scrypt: a burst of wrong sign-ins from one
// address takes only its share of the hash gate (the rest are told "busy" at once), and the
// pages, the health check, a signed-in member's socket and another computer's sign-in all
// answer while the burst's hashes are still being worked through, not after them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { countStatus, postJson, type Answer } from '../testing/burst';
import { observedHasher, type ObservedHasher } from '../testing/observedHasher';
import { flush, startTestServer, type TestServer } from '../testing/testServer';
import { BUSY_RETRY_AFTER_SECONDS, type HashGateStats } from './hashGate';
import { DEFAULT_GUESS_LIMITS } from './guessLimits';

let t: TestServer;
let hasher: ObservedHasher;
beforeEach(async () => {
  hasher = observedHasher();
  t = await startTestServer({}, { hasher });
});
afterEach(() => t.close());

const BURST = 20;
const { hashQueuePerAddress: SHARE, hashConcurrency } = DEFAULT_GUESS_LIMITS;

/** Fires the burst and resolves once every request of it has been admitted to the gate or
 * refused (so all of it is in flight): answers how many were admitted. */
async function flood(): Promise<{ answers: Promise<Answer[]>; admitted: number; checkedSoFar(): number }> {
  let checked = 0;
  const before = t.server.hashing.stats();
  const answers = Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const answer = await postJson(t.url, routes.signIn, { email: `nobody-${i}@lumen.example`, password: `flood-${i}` });
      if (answer.status === 401) checked += 1;
      return answer;
    }),
  );
  const seen = (stats: HashGateStats) => stats.running + stats.waiting + stats.finished - before.finished + stats.busyRefusals;
  await t.server.hashing.until((stats) => seen(stats) === BURST);
  return { answers, admitted: BURST - t.server.hashing.stats().busyRefusals, checkedSoFar: () => checked };
}

describe('a burst of wrong sign-ins from one address', () => {
  it(`gets ${SHARE} hashes queued, at most ${hashConcurrency} at once; the rest are told the server is busy`, async () => {
    // Held, so the first hashes cannot finish (and make room) before the whole burst is in.
    const release = hasher.hold();
    const burst = await flood();
    expect(burst.admitted).toBe(SHARE);
    expect(t.server.hashing.stats()).toMatchObject({ waiting: SHARE - hashConcurrency, running: hashConcurrency });
    release();
    const answers = await burst.answers;
    expect([countStatus(answers, 401), countStatus(answers, 429)]).toEqual([SHARE, BURST - SHARE]);
    const busy = answers.find((answer) => answer.status === 429)!;
    expect(busy.headers['retry-after']).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(JSON.parse(busy.body)).toEqual({ error: { code: 'rate_limited', message: 'The server is busy checking other sign-ins. Try again in a few seconds.' } });
    expect(hasher.verifications).toBe(SHARE);
    expect(t.log.entries.find((entry) => entry.message === 'Guess refused: hashing is busy')?.fields).toMatchObject({ address: '127.0.0.1', busyRefusals: 1 });
  });

  it('does not hold up pages, the health check, signed-in sockets or a sign-in from another computer', async () => {
    const socket = await t.connectStaff('priya');
    const burst = await flood();
    /** Answered while the burst's hashes are still being worked through: for what needs no
     * hash, before more than those already running when it came have finished (it waited
     * behind none of the queue). Without the gate all would be queued ahead in libuv's pool. */
    const answeredDuringBurst = async (work: Promise<unknown>, hashesAhead = hashConcurrency) => {
      await work;
      return burst.checkedSoFar() <= hashesAhead && burst.checkedSoFar() < burst.admitted;
    };
    const page = fetch(`${t.url}/`);
    const health = fetch(`${t.url}/api/health`);
    const otherComputer = postJson(t.url, routes.signIn, { email: DEMO_MEMBERS.marcus.email, password: DEMO_PASSWORD }, { from: '127.0.0.2' });
    expect(await answeredDuringBurst(page)).toBe(true);
    expect(await answeredDuringBurst(health)).toBe(true);
    expect(await answeredDuringBurst(flush(socket))).toBe(true);
    // Its hash waits its turn with the burst's address, not behind all of them.
    expect(await answeredDuringBurst(otherComputer, burst.admitted - 1)).toBe(true);
    expect([(await page).status, (await health).status, (await otherComputer).status]).toEqual([200, 200, 200]);
    await burst.answers;
  });
});
