import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { oldParameterHash } from '../testing/oldParameterHash';
import { needsRehash } from './password';
import { ask, connectSocket, data, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
// A fresh server for each test: guesses counted, passwords changed and the clock moved on must
// not reach another test.
beforeEach(async () => {
  t = await startTestServer({ sessionTtlHours: 1 });
});
afterEach(() => t.close());

const HOUR = 60 * 60 * 1000;

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('sign-in', () => {
  it('returns a token, its expiry and the session snapshot', async () => {
    const { token, expiresAt, session } = await t.signIn('priya');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(expiresAt).toBe(t.clock.now() + HOUR);
    expect(session.member).toEqual({ id: t.demo.members.priya, name: 'Priya Shah', email: 'priya@lumen.example', role: 'member' });
    expect(session.grants).toEqual({ accessChats: true, replyChats: true, manageSettings: false, manageTeam: false, viewAuditLog: false });
    expect(session.locations).toEqual([{ id: t.demo.locations.soho, name: 'Lumen Soho', timeZone: 'Europe/London' }]);
    expect(session.workspace).toEqual({
      name: 'Lumen Hair Studio',
      settings: { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true },
    });
  });

  it('gives owners every grant and every location', async () => {
    const { session } = await t.signIn('owner');
    expect(Object.values(session.grants).every(Boolean)).toBe(true);
    expect(session.locations.map((location) => location.id).sort()).toEqual(
      [t.demo.locations.soho, t.demo.locations.shoreditch].sort(),
    );
  });

  it('accepts the email in any case', async () => {
    const response = await post(routes.signIn, { email: '  PRIYA@Lumen.Example ', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrongPassword = await post(routes.signIn, { email: DEMO_MEMBERS.marcus.email, password: 'nope' });
    const unknownEmail = await post(routes.signIn, { email: 'nobody@lumen.example', password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await wrongPassword.json(), await unknownEmail.json()];
    expect(a).toEqual({ error: { code: 'unauthenticated', message: 'The email or password is incorrect.' } });
    expect(b).toEqual(a);
  });

  it('explains invalid input with bad_request', async () => {
    const response = await post(routes.signIn, { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details.map((issue) => issue.path).sort()).toEqual(['email', 'password']);
  });

  it('slows down password guessing per email with 429 rate_limited', async () => {
    const attempt = (password: string) => post(routes.signIn, { email: DEMO_MEMBERS.sofia.email, password });
    for (let i = 0; i < 10; i += 1) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const limited = await attempt(DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Other members are not locked out, and the window passes.
    expect((await post(routes.signIn, { email: DEMO_MEMBERS.tom.email, password: DEMO_PASSWORD })).status).toBe(200);
    t.clock.advance(15 * 60 * 1000);
    expect((await attempt(DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('sign-out', () => {
  it('revokes the session and disconnects its sockets', async () => {
    const { token } = await t.signIn('marcus');
    const socket = await connectSocket(t.url, { token });
    const ended = new Promise((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));

    const response = await post(routes.signOut, {}, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await ended).toEqual({ reason: 'signed-out' });
    expect(await disconnected).toBe('io server disconnect');

    expect((await post(routes.signOut, {}, { authorization: `Bearer ${token}` })).status).toBe(401);
    await expect(connectSocket(t.url, { token })).rejects.toThrow('unauthenticated');
  });

  it('refuses a missing token', async () => {
    expect((await post(routes.signOut, {})).status).toBe(401);
  });
});

describe('session expiry', () => {
  it('rejects an expired token for sign-out, socket connect and socket requests', async () => {
    const { token } = await t.signIn('priya');
    const socket = await connectSocket(t.url, { token });
    expect(data(await ask(socket, 'session:get', {})).member.name).toBe('Priya Shah');

    t.clock.advance(HOUR);
    const ended = new Promise((resolve) => socket.once('session:ended', resolve));
    expect(await ask(socket, 'session:get', {})).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Your session has expired. Sign in again.' },
    });
    expect(await ended).toEqual({ reason: 'expired' });
    expect((await post(routes.signOut, {}, { authorization: `Bearer ${token}` })).status).toBe(401);
    const refused = connectSocket(t.url, { token });
    await expect(refused).rejects.toThrow('unauthenticated');
    await refused.catch((error: { data?: unknown }) => expect(error.data).toMatchObject({ code: 'unauthenticated' }));
    socket.close();
  });
});

describe('stored password hashes', () => {
  it("still accept a password hashed with older parameters, and store it again with today's at that sign-in", async () => {
    const tom = t.demo.members.tom;
    const storedHash = () => t.repos.team.credentialsByEmail(DEMO_MEMBERS.tom.email)!.passwordHash;
    expect(t.repos.team.replacePasswordHash(tom, storedHash(), oldParameterHash(DEMO_PASSWORD))).toBe(true);
    expect(needsRehash(storedHash())).toBe(true);
    expect((await post(routes.signIn, { email: DEMO_MEMBERS.tom.email, password: 'wrong-password' })).status).toBe(401);
    expect(needsRehash(storedHash())).toBe(true);
    expect((await post(routes.signIn, { email: DEMO_MEMBERS.tom.email, password: DEMO_PASSWORD })).status).toBe(200);
    expect(storedHash()).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(needsRehash(storedHash())).toBe(false);
    expect((await post(routes.signIn, { email: DEMO_MEMBERS.tom.email, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('are re-hashed only over the hash that was checked: a change made meanwhile is never undone', () => {
    const tom = t.demo.members.tom;
    const storedHash = () => t.repos.team.credentialsByEmail(DEMO_MEMBERS.tom.email)!.passwordHash;
    const checked = storedHash();
    const changedMeanwhile = oldParameterHash('tom-changed-it-meanwhile');
    expect(t.repos.team.replacePasswordHash(tom, checked, changedMeanwhile)).toBe(true);
    expect(t.repos.team.replacePasswordHash(tom, checked, oldParameterHash(DEMO_PASSWORD))).toBe(false);
    expect(storedHash()).toBe(changedMeanwhile);
    expect(t.repos.team.replacePasswordHash(tom, changedMeanwhile, checked)).toBe(true);
  });
});

describe('changing the password', () => {
  const change = (token: string | null, body: unknown) =>
    post(routes.changePassword, body, token === null ? {} : { authorization: `Bearer ${token}` });
  const signInWith = (password: string) => post(routes.signIn, { email: DEMO_MEMBERS.sofia.email, password });

  it('needs the session and the current password; refuses a weak or unchanged one; changes nothing then', async () => {
    const { token } = await t.signIn('sofia');
    const before = t.fingerprint();
    const cases: [string | null, unknown, number, string][] = [
      [null, { currentPassword: DEMO_PASSWORD, newPassword: 'a-long-new-password' }, 401, 'unauthenticated'],
      [token, { currentPassword: 'not-my-password', newPassword: 'a-long-new-password' }, 403, 'forbidden'],
      [token, { currentPassword: DEMO_PASSWORD, newPassword: 'short' }, 400, 'bad_request'],
      [token, { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }, 400, 'bad_request'],
      [token, { newPassword: 'a-long-new-password' }, 400, 'bad_request'],
    ];
    for (const [bearer, body, status, code] of cases) {
      const response = await change(bearer, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(t.fingerprint()).toEqual(before);
    expect((await signInWith(DEMO_PASSWORD)).status).toBe(200);
  });

  it('takes the new password, signs out every other session (told why) and keeps this one', async () => {
    const here = await t.signIn('sofia');
    const elsewhere = await t.signIn('sofia');
    // A third session, signed in but not connected: it ends too.
    await t.signIn('sofia');
    const otherComputer = await connectSocket(t.url, { token: elsewhere.token });
    const thisComputer = await connectSocket(t.url, { token: here.token });
    // Waits as long as the test may: the change hashes a password first, slow on a busy machine.
    const ended = nextPush(otherComputer, 'session:ended', 15_000);
    const keptQuiet = recordPushes(thisComputer, 'session:ended');

    const response = await change(here.token, { currentPassword: DEMO_PASSWORD, newPassword: 'sofia-new-password-1' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { signedOutSessions: number }).signedOutSessions).toBeGreaterThanOrEqual(2);
    expect(await ended).toEqual({ reason: 'password-changed' });
    expect(data(await ask(thisComputer, 'session:get', {})).member.name).toBe('Sofia Marin');
    expect(keptQuiet).toEqual([]);
    await expect(connectSocket(t.url, { token: elsewhere.token })).rejects.toThrow('unauthenticated');
    expect((await signInWith(DEMO_PASSWORD)).status).toBe(401);
    expect((await signInWith('sofia-new-password-1')).status).toBe(200);
    otherComputer.close();
    thisComputer.close();
  });

  it('counts wrong current passwords per member, like sign-in: the eleventh try waits', async () => {
    const { token } = await t.signIn('marcus');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await change(token, { currentPassword: `guess-${attempt}`, newPassword: 'a-long-new-password' })).status).toBe(403);
    }
    const limited = await change(token, { currentPassword: DEMO_PASSWORD, newPassword: 'a-long-new-password' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await post(routes.signIn, { email: DEMO_MEMBERS.marcus.email, password: DEMO_PASSWORD })).status).toBe(200);
  });
});

describe('a session that runs out while connected', () => {
  it('is ended by the server within its check interval: told why, disconnected, no pushes after', async () => {
    const checked = await startTestServer({ sessionTtlHours: 1, sessionExpiryCheckMs: 20 });
    try {
      const early = await checked.signIn('priya');
      const expiring = await connectSocket(checked.url, { token: early.token });
      const events: string[] = [];
      expiring.on('session:ended', ({ reason }: { reason: string }) => events.push(`session:ended ${reason}`));
      expiring.on('settings:updated', () => events.push('settings:updated'));
      const disconnected = new Promise<string>((resolve) => expiring.once('disconnect', resolve));

      checked.clock.advance(HOUR / 2);
      const later = await connectSocket(checked.url, { token: (await checked.signIn('priya')).token });
      const staysSignedIn = recordPushes(later, 'session:ended');
      checked.clock.advance(HOUR / 2);

      expect(await disconnected).toBe('io server disconnect');
      expect(events).toEqual(['session:ended expired']);
      expect(checked.log.entries.filter((entry) => entry.message === 'Ended expired sessions')).toHaveLength(1);
      // The session signed in later keeps going, and gets what the ended one no longer does.
      const owner = await checked.connectStaff('owner');
      const current = data(await ask(owner, 'settings:get', {}));
      const pushed = nextPush(later, 'settings:updated');
      data(await ask(owner, 'settings:update', { settings: { ...current.settings, typingIndicator: !current.settings.typingIndicator }, baseVersion: current.version }));
      await pushed;
      expect(staysSignedIn).toEqual([]);
      expect(events).toEqual(['session:ended expired']);
    } finally {
      await checked.close();
    }
  });
});

describe('socket authentication', () => {
  it.each([
    ['no token', {}],
    ['a made-up token', { token: 'made-up' }],
    ['a token of the wrong type', { token: 42 }],
    ['a client token', null],
  ])('refuses %s with connect_error "unauthenticated"', async (_label, auth) => {
    const credentials = auth ?? { token: t.issueClientToken(t.demo.clients.ava) };
    await expect(connectSocket(t.url, credentials as { token: string })).rejects.toThrow('unauthenticated');
  });

  it('refuses a staff token on the client namespace', async () => {
    const { token } = await t.signIn('priya');
    await expect(connectSocket(t.url, { token }, '/client')).rejects.toThrow('unauthenticated');
  });
});
