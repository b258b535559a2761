// Quick switching on a shared reception computer, over real HTTP and real sockets: PINs, the
// device a password sign-in registers, PIN sign-in and its limits, and attribution.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import { signInResponseSchema } from '../../shared/http';
import {
  DEVICE_PIN_FAILURES_MAX,
  MEMBER_PIN_FAILURES_MAX,
  pinStatusSchema,
  receptionDeviceSchema,
  receptionRoutes,
  rosterSchema,
} from '../../shared/reception';
import { needsRehash } from '../auth/password';
import { DEMO_PASSWORD } from '../demo/demoData';
import { oldParameterHash } from '../testing/oldParameterHash';
import { ask, connectSocket, data, nextPush, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

type Body = { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;

async function call(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const PRIYA_PIN = '2580';
const MARCUS_PIN = '7391';

async function setPin(member: 'priya' | 'marcus' | 'owner' | 'sofia', pin: string) {
  const { token } = await t.signIn(member);
  const response = await call('POST', receptionRoutes.setPin, { pin, password: DEMO_PASSWORD }, token);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** A reception computer at Lumen Soho, registered by Priya's password sign-in. */
async function registerSohoDevice(): Promise<string> {
  const { token } = await t.signIn('priya');
  const response = await call('POST', receptionRoutes.registerDevice, { location: 'Lumen Soho' }, token);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return receptionDeviceSchema.parse(response.body).deviceToken;
}

const pinSignIn = (deviceToken: string, memberId: number, pin: string) =>
  call('POST', receptionRoutes.pinSignIn, { deviceToken, memberId, pin });

describe('PINs', () => {
  it('are set with the password, checked for shape and strength, and never stored in the clear', async () => {
    const { token } = await t.signIn('priya');
    expect(pinStatusSchema.parse((await call('GET', receptionRoutes.pinStatus, undefined, token)).body)).toEqual({ hasPin: false, locked: false });

    const tooShort = await call('POST', receptionRoutes.setPin, { pin: '12', password: DEMO_PASSWORD }, token);
    expect([tooShort.status, tooShort.body.error?.code]).toEqual([400, 'bad_request']);
    const guessable = await call('POST', receptionRoutes.setPin, { pin: '1234', password: DEMO_PASSWORD }, token);
    expect(JSON.stringify(guessable.body.error?.details)).toMatch(/too easy to guess/);
    const wrongPassword = await call('POST', receptionRoutes.setPin, { pin: PRIYA_PIN, password: 'nope' }, token);
    expect([wrongPassword.status, wrongPassword.body.error?.code]).toEqual([403, 'forbidden']);
    const noSession = await call('POST', receptionRoutes.setPin, { pin: PRIYA_PIN, password: DEMO_PASSWORD });
    expect(noSession.status).toBe(401);
    expect(t.repos.reception.pinOf(t.demo.members.priya)).toBeNull();

    const set = await call('POST', receptionRoutes.setPin, { pin: PRIYA_PIN, password: DEMO_PASSWORD }, token);
    expect(set.body).toEqual({ hasPin: true, locked: false });
    const stored = t.repos.reception.pinOf(t.demo.members.priya);
    expect(stored?.pinHash).toMatch(/^scrypt\$/);
    expect(stored?.pinHash).not.toContain(PRIYA_PIN);

    const removed = await call('POST', receptionRoutes.removePin, { password: DEMO_PASSWORD }, token);
    expect(removed.body).toEqual({ hasPin: false, locked: false });
    expect(t.repos.reception.pinOf(t.demo.members.priya)).toBeNull();
  });

  it('cannot be used to guess the signed-in member\'s password', async () => {
    const { token } = await t.signIn('priya');
    for (let i = 0; i < 10; i += 1) {
      expect((await call('POST', receptionRoutes.setPin, { pin: PRIYA_PIN, password: `guess-${i}` }, token)).status).toBe(403);
    }
    const limited = await call('POST', receptionRoutes.setPin, { pin: PRIYA_PIN, password: DEMO_PASSWORD }, token);
    expect([limited.status, limited.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(t.repos.reception.pinOf(t.demo.members.priya)).toBeNull();
    t.clock.advance(15 * 60 * 1000);
    expect((await call('POST', receptionRoutes.setPin, { pin: PRIYA_PIN, password: DEMO_PASSWORD }, token)).status).toBe(200);
  });
});

describe('reception devices', () => {
  it('are registered by a password sign-in for a location the member works at', async () => {
    const { token } = await t.signIn('priya');
    const byName = await call('POST', receptionRoutes.registerDevice, { location: 'soho' }, token);
    expect(receptionDeviceSchema.parse(byName.body).location).toEqual({ id: t.demo.locations.soho, name: 'Lumen Soho' });

    const elsewhere = await call('POST', receptionRoutes.registerDevice, { location: t.demo.locations.shoreditch }, token);
    expect([elsewhere.status, elsewhere.body.error?.message]).toEqual([403, "You don't work at Lumen Shoreditch, so you can't set up this computer for it."]);
    const unknown = await call('POST', receptionRoutes.registerDevice, { location: 'Mars' }, token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/There is no location "Mars"\. The locations are: /);
    expect((await call('POST', receptionRoutes.registerDevice, { location: 'Lumen Soho' })).status).toBe(401);
  });

  it('cannot be registered by a session that began with a PIN', async () => {
    await setPin('priya', PRIYA_PIN);
    const deviceToken = await registerSohoDevice();
    const { token } = signInResponseSchema.parse((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).body);
    const refused = await call('POST', receptionRoutes.registerDevice, { location: 'Lumen Soho' }, token);
    expect([refused.status, refused.body.error?.message]).toEqual([403, 'Only a sign-in with email and password can set up quick switching on a computer.']);
  });

  it('offer the names of the location\'s members who have a PIN, and nothing to an unknown computer', async () => {
    await setPin('priya', PRIYA_PIN);
    await setPin('marcus', MARCUS_PIN);
    await setPin('owner', '4826');
    const deviceToken = await registerSohoDevice();
    const roster = rosterSchema.parse((await call('POST', receptionRoutes.roster, { deviceToken })).body);
    expect(roster.location.name).toBe('Lumen Soho');
    expect(roster.members.map((member) => member.name)).toEqual(['Marcus Reid', 'Olivia Bennett', 'Priya Shah']);
    expect(roster.locked).toBe(false);

    const unknown = await call('POST', receptionRoutes.roster, { deviceToken: 'x'.repeat(43) });
    expect([unknown.status, unknown.body.error?.message]).toEqual([401, "This computer isn't set up for quick switching. Sign in with your email and password."]);
    expect((await call('POST', receptionRoutes.roster, {})).status).toBe(400);
  });
});

describe('a PIN stored with older hash parameters', () => {
  it("still unlocks, and is stored again with today's parameters", async () => {
    const deviceToken = await registerSohoDevice();
    t.repos.reception.setPin(t.demo.members.priya, oldParameterHash(PRIYA_PIN), t.clock.now());
    expect(needsRehash(t.repos.reception.pinOf(t.demo.members.priya)!.pinHash)).toBe(true);
    expect((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).status).toBe(200);
    expect(needsRehash(t.repos.reception.pinOf(t.demo.members.priya)!.pinHash)).toBe(false);
    expect((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).status).toBe(200);
  });
});

describe('reception computers for managers', () => {
  it('lists each computer set up, and a removed one can no longer switch by PIN; audited', async () => {
    await setPin('priya', PRIYA_PIN);
    const deviceToken = await registerSohoDevice();
    const owner = await t.connectStaff('owner');
    const { items } = data(await ask(owner, 'reception:list-computers', {}));
    const newest = items[0]!;
    expect(newest).toEqual({ id: expect.any(Number), location: { id: t.demo.locations.soho, name: 'Lumen Soho' }, registeredBy: 'Priya Shah', registeredAt: t.clock.now(), locked: false });

    expect(data(await ask(owner, 'reception:remove-computer', { computerId: newest.id }))).toEqual({ removed: true });
    expect(data(await ask(owner, 'reception:list-computers', {})).items.map((computer) => computer.id)).not.toContain(newest.id);
    expect((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).status).toBe(401);
    expect(data(await ask(owner, 'audit:list', { limit: 1 })).items[0]).toMatchObject({
      action: 'reception.removeComputer', subject: expect.stringMatching(/^Reception computer at Lumen Soho, set up \d{4}-\d{2}-\d{2} by Priya Shah$/),
    });
    const before = t.fingerprint();
    expect(await ask(owner, 'reception:remove-computer', { computerId: newest.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.fingerprint()).toEqual(before);
    owner.close();
  });
});

describe('PIN sign-in', () => {
  it('gives the member a normal session of their own, and what they send is theirs', async () => {
    await setPin('priya', PRIYA_PIN);
    await setPin('marcus', MARCUS_PIN);
    const deviceToken = await registerSohoDevice();
    const ava = await t.connectClient(t.demo.clients.ava);
    const conversationId = t.demo.conversations.ava!;

    for (const [memberId, pin, name] of [
      [t.demo.members.priya, PRIYA_PIN, 'Priya Shah'],
      [t.demo.members.marcus, MARCUS_PIN, 'Marcus Reid'],
    ] as const) {
      const response = await pinSignIn(deviceToken, memberId, pin);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const signedIn = signInResponseSchema.parse(response.body);
      expect(signedIn.session.member.name).toBe(name);
      const socket = await connectSocket(t.url, { token: signedIn.token });
      const toClient = nextPush<{ message: Message }>(ava, 'message:created');
      const sent = data(await ask(socket, 'message:send', { conversationId, senderMessageId: randomUUID(), text: `From ${name}` }));
      expect(sent.author).toEqual({ kind: 'staff', memberId, name });
      expect((await toClient).message.author).toMatchObject({ kind: 'staff', name });
      socket.close();
    }
  });

  it('is only for members who work at the computer\'s location', async () => {
    await setPin('marcus', MARCUS_PIN);
    await setPin('priya', PRIYA_PIN);
    const { token } = await t.signIn('marcus');
    const shoreditch = receptionDeviceSchema.parse(
      (await call('POST', receptionRoutes.registerDevice, { location: 'Lumen Shoreditch' }, token)).body,
    ).deviceToken;
    const before = t.fingerprint();
    const priyaThere = await pinSignIn(shoreditch, t.demo.members.priya, PRIYA_PIN);
    expect([priyaThere.status, priyaThere.body.error?.message]).toEqual([403, 'Quick switching here is for team members of Lumen Shoreditch who have set a PIN.']);
    const withoutPin = await pinSignIn(shoreditch, t.demo.members.owner, '4826');
    expect(withoutPin.status).toBe(403);
    expect(t.fingerprint()).toEqual(before);
    expect((await pinSignIn(shoreditch, t.demo.members.marcus, MARCUS_PIN)).status).toBe(200);
  });

  it(`locks a member's PIN after ${MEMBER_PIN_FAILURES_MAX} wrong tries until they sign in with their password`, async () => {
    await setPin('priya', PRIYA_PIN);
    const deviceToken = await registerSohoDevice();
    for (let tries = 1; tries < MEMBER_PIN_FAILURES_MAX; tries += 1) {
      const wrong = await pinSignIn(deviceToken, t.demo.members.priya, '0001');
      const left = MEMBER_PIN_FAILURES_MAX - tries;
      expect([wrong.status, wrong.body.error?.message]).toEqual([401, `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the PIN locks.`]);
    }
    const last = await pinSignIn(deviceToken, t.demo.members.priya, '0001');
    expect(last.body.error?.message).toBe("Wrong PIN. Priya Shah's PIN is now locked: sign in with your email and password to use it again.");

    // Locked: even the right PIN is refused, and a restart would not forgive it (it is stored).
    const right = await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN);
    expect([right.status, right.body.error?.code, right.body.error?.details]).toEqual([429, 'rate_limited', { lockout: 'member' }]);
    t.clock.advance(24 * 60 * 60 * 1000);
    expect((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).status).toBe(429);
    expect(rosterSchema.parse((await call('POST', receptionRoutes.roster, { deviceToken })).body).members).toEqual([
      { id: t.demo.members.priya, name: 'Priya Shah', pinLocked: true },
    ]);

    await t.signIn('priya');
    expect((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).status).toBe(200);
  });

  it('starts counting again after a correct PIN', async () => {
    await setPin('priya', PRIYA_PIN);
    const deviceToken = await registerSohoDevice();
    for (let round = 0; round < 3; round += 1) {
      for (let tries = 1; tries < MEMBER_PIN_FAILURES_MAX; tries += 1) {
        expect((await pinSignIn(deviceToken, t.demo.members.priya, '0001')).status).toBe(401);
      }
      expect((await pinSignIn(deviceToken, t.demo.members.priya, PRIYA_PIN)).status).toBe(200);
    }
  });

  it(`locks the computer after ${DEVICE_PIN_FAILURES_MAX} wrong PINs across members until a password sign-in sets it up again`, async () => {
    await setPin('priya', PRIYA_PIN);
    await setPin('marcus', MARCUS_PIN);
    await setPin('owner', '4826');
    const deviceToken = await registerSohoDevice();
    const guessers = [t.demo.members.priya, t.demo.members.marcus, t.demo.members.owner];
    // Four wrong tries each stays under each member's limit but passes the computer's.
    for (let attempt = 0; attempt < DEVICE_PIN_FAILURES_MAX; attempt += 1) {
      const response = await pinSignIn(deviceToken, guessers[attempt % 3]!, '0001');
      expect(response.status).toBe(401);
    }
    const refused = await pinSignIn(deviceToken, t.demo.members.marcus, MARCUS_PIN);
    expect([refused.status, refused.body.error?.details]).toEqual([429, { lockout: 'device' }]);
    expect(rosterSchema.parse((await call('POST', receptionRoutes.roster, { deviceToken })).body).locked).toBe(true);

    const { token } = await t.signIn('priya');
    const again = await call('POST', receptionRoutes.registerDevice, { location: 'Lumen Soho', deviceToken }, token);
    expect(receptionDeviceSchema.parse(again.body).deviceToken).toBe(deviceToken);
    expect((await pinSignIn(deviceToken, t.demo.members.marcus, MARCUS_PIN)).status).toBe(200);
  });

  it('refuses malformed requests and unknown computers without changing anything', async () => {
    await setPin('priya', PRIYA_PIN);
    const deviceToken = await registerSohoDevice();
    const before = t.fingerprint();
    const pinBefore = t.repos.reception.pinOf(t.demo.members.priya);
    for (const body of [{}, { deviceToken, memberId: 'priya', pin: PRIYA_PIN }, { deviceToken, memberId: t.demo.members.priya, pin: '12a4' }]) {
      const response = await call('POST', receptionRoutes.pinSignIn, body);
      expect([response.status, response.body.error?.code]).toEqual([400, 'bad_request']);
    }
    const unknown = await pinSignIn('y'.repeat(43), t.demo.members.priya, PRIYA_PIN);
    expect(unknown.status).toBe(401);
    expect(t.fingerprint()).toEqual(before);
    expect(t.repos.reception.pinOf(t.demo.members.priya)).toEqual(pinBefore);
  });

  it('slows down guessing device tokens from one address', async () => {
    const responses = [];
    for (let i = 0; i < 31; i += 1) responses.push((await call('POST', receptionRoutes.roster, { deviceToken: `guess-${i}`.padEnd(43, 'x') })).status);
    expect(responses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(responses[30]).toBe(429);
    t.clock.advance(15 * 60 * 1000);
    expect((await call('POST', receptionRoutes.roster, { deviceToken: await registerSohoDevice() })).status).toBe(200);
  });
});
