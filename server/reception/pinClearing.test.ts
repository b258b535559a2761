// A PIN does not outlive the password: a manager setting a member's password, a manager signing
// them out of all devices, and the member changing their own password each end the member's
// PIN, over the real server. The member's Profile then says why (until they set a new one), the
// audit log records it, and a right PIN already in flight when it happens does not sign in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http';
import { pinStatusSchema, receptionDeviceSchema, receptionRoutes, type PinClearReason } from '../../shared/reception';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { postJson } from '../testing/burst';
import { observedHasher, type ObservedHasher } from '../testing/observedHasher';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let hasher: ObservedHasher;
beforeEach(async () => {
  hasher = observedHasher();
  t = await startTestServer({}, { hasher });
});
afterEach(() => t.close());

const PIN = '258013';
const NEW_PASSWORD = 'a-whole-new-password';

async function priyaWithPinAtSoho(): Promise<string> {
  const { token } = await t.signIn('priya');
  expect((await postJson(t.url, receptionRoutes.setPin, { pin: PIN, password: DEMO_PASSWORD }, { token })).status).toBe(200);
  const device = await postJson(t.url, receptionRoutes.registerDevice, { location: 'Lumen Soho' }, { token });
  return receptionDeviceSchema.parse(JSON.parse(device.body)).deviceToken;
}

const pinSignIn = (deviceToken: string) => postJson(t.url, receptionRoutes.pinSignIn, { deviceToken, memberId: t.demo.members.priya, pin: PIN });

async function pinStatusOfPriya(password: string) {
  const { token } = await t.signIn({ email: DEMO_MEMBERS.priya.email, password });
  const response = await fetch(`${t.url}${receptionRoutes.pinStatus}`, { headers: { authorization: `Bearer ${token}` } });
  return pinStatusSchema.parse(await response.json());
}

const ways: { reason: PinClearReason; password: string; clear(): Promise<void> }[] = [
  {
    reason: 'password-reset',
    password: NEW_PASSWORD,
    async clear() {
      const owner = await t.connectStaff('owner');
      data(await ask(owner, 'member:set-password', { memberId: t.demo.members.priya, password: NEW_PASSWORD }));
    },
  },
  {
    reason: 'signed-out-everywhere',
    password: DEMO_PASSWORD,
    async clear() {
      const owner = await t.connectStaff('owner');
      data(await ask(owner, 'member:sign-out-everywhere', { memberId: t.demo.members.priya }));
    },
  },
  {
    reason: 'password-changed',
    password: NEW_PASSWORD,
    async clear() {
      const { token } = await t.signIn('priya');
      const changed = await postJson(t.url, routes.changePassword, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }, { token });
      expect(changed.status).toBe(200);
    },
  },
];

describe('a PIN', () => {
  for (const way of ways) {
    it(`ends with ${way.reason}: it no longer signs in, the Profile says why until a new PIN is set`, async () => {
      const deviceToken = await priyaWithPinAtSoho();
      await way.clear();
      const refused = await pinSignIn(deviceToken);
      expect([refused.status, JSON.parse(refused.body).error.message]).toEqual([403, 'Quick switching here is for team members of Lumen Soho who have set a PIN.']);
      expect(await pinStatusOfPriya(way.password)).toEqual({ hasPin: false, locked: false, cleared: { reason: way.reason, at: t.clock.now() } });

      const { token } = await t.signIn({ email: DEMO_MEMBERS.priya.email, password: way.password });
      expect((await postJson(t.url, receptionRoutes.setPin, { pin: PIN, password: way.password }, { token })).status).toBe(200);
      expect(await pinStatusOfPriya(way.password)).toEqual({ hasPin: true, locked: false });
      expect((await pinSignIn(deviceToken)).status).toBe(200);
    });
  }

  it('ended while its right PIN is being checked does not sign in, answered as a wrong PIN; the manager sees it in the audit log', async () => {
    const deviceToken = await priyaWithPinAtSoho();
    const owner = await t.connectStaff('owner');
    const release = hasher.hold();
    const inFlight = pinSignIn(deviceToken);
    await t.server.hashing.until((stats) => stats.running === 1);
    data(await ask(owner, 'member:set-password', { memberId: t.demo.members.priya, password: NEW_PASSWORD }));
    release();
    const answer = await inFlight;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.code).toBe('unauthenticated');
    expect(t.db.prepare("SELECT count(*) AS n FROM sessions WHERE member_id = ? AND sign_in_method = 'pin'").get(t.demo.members.priya)).toEqual({ n: 0 });
    const entry = data(await ask(owner, 'audit:list', { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: 'member.setPassword', after: { endedSessions: expect.any(Number), pinCleared: true } });
  });
});
