// The first inbox answered with the sign-in: for every demo member it is exactly what their own
// socket gets for the same `conversation:list` and `conversation:counts` requests (the member's
// locations, their own unread counts), and a member those requests refuse (no Access client
// chats, messaging off) gets none. Real server, real HTTP sign-in, real sockets.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_INBOX_REQUEST } from '../../shared/inboxPage';
import { signInResponseSchema, type SignInResponse } from '../../shared/http';
import { receptionDeviceSchema, receptionRoutes } from '../../shared/reception';
import { DEMO_MEMBERS, DEMO_PASSWORD, type DemoMemberKey } from '../demo/demoData';
import { ask, askClient, connectSocket, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const MEMBERS = Object.keys(DEMO_MEMBERS) as DemoMemberKey[];
/** Each sign-in hashes a password for real: several in a row take a while on a busy machine. */
const SIGN_INS_TIMEOUT_MS = 90_000;

/** What the member's socket answers, asked exactly as the first inbox says it was asked. */
async function askedOverTheSocket(signedIn: SignInResponse) {
  const socket = await connectSocket(t.url, { token: signedIn.token });
  try {
    const page = await ask(socket, 'conversation:list', signedIn.firstInbox?.request ?? FIRST_INBOX_REQUEST);
    const counts = await ask(socket, 'conversation:counts', {});
    return { page, counts };
  } finally {
    socket.disconnect();
  }
}

describe('the first inbox with the sign-in answer', () => {
  it('is, for every member, what their socket answers for the same requests, or absent where it refuses', async () => {
    const outcomes: Partial<Record<DemoMemberKey, 'inbox' | 'refused'>> = {};
    for (const member of MEMBERS) {
      const signedIn = await t.signIn(member);
      const { page, counts } = await askedOverTheSocket(signedIn);
      if (page.ok && counts.ok) {
        expect(signedIn.firstInbox, member).toEqual({ request: FIRST_INBOX_REQUEST, page: page.data, counts: counts.data.locations });
        outcomes[member] = 'inbox';
      } else {
        expect(signedIn.firstInbox, member).toBeUndefined();
        outcomes[member] = 'refused';
      }
    }
    // Tom has no Access client chats: refused on the socket, so no first inbox either.
    expect(outcomes).toEqual({ owner: 'inbox', priya: 'inbox', marcus: 'inbox', sofia: 'inbox', tom: 'refused' });
  }, SIGN_INS_TIMEOUT_MS);

  it('holds only the conversations of the member\'s locations, with their own unread counts', async () => {
    const owner = (await t.signIn('owner')).firstInbox!;
    const priya = (await t.signIn('priya')).firstInbox!;
    const soho = t.demo.locations.soho;
    expect(new Set(owner.page.items.map((item) => item.location.id))).toEqual(new Set([soho, t.demo.locations.shoreditch]));
    expect(priya.page.items.length).toBeGreaterThan(0);
    expect(priya.page.items.every((item) => item.location.id === soho)).toBe(true);
    expect(priya.counts.map((counts) => counts.locationId)).toEqual([soho]);
    expect(priya.page.items.every((item) => item.status === 'open')).toBe(true);

    // A client writes; Priya reads it on her socket; Marcus has not: each first inbox says so.
    const page = await t.connectClient(t.demo.clients.ava);
    const sent = data(await askClient(page, 'message:send', { appointmentId: t.demo.appointments.ava[0]!, clientMessageId: randomUUID(), text: 'Running ten minutes late' }));
    const priyasSocket = await t.connectStaff('priya');
    data(await ask(priyasSocket, 'conversation:read', { conversationId: t.demo.conversations.ava!, upToMessageId: sent.id }));
    const unreadOf = (inbox: NonNullable<SignInResponse['firstInbox']>) => inbox.page.items.find((item) => item.id === t.demo.conversations.ava)?.unreadCount;
    expect(unreadOf((await t.signIn('priya')).firstInbox!)).toBe(0);
    expect(unreadOf((await t.signIn('marcus')).firstInbox!)).toBeGreaterThan(0);
  }, SIGN_INS_TIMEOUT_MS);

  it('comes with a PIN sign-in on a reception computer too, as that session\'s socket would answer', async () => {
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      expect(response.status, path).toBe(200);
      return response.json() as Promise<unknown>;
    };
    const marcus = await t.signIn('marcus');
    await post(receptionRoutes.setPin, { pin: '7391', password: DEMO_PASSWORD }, marcus.token);
    const { deviceToken } = receptionDeviceSchema.parse(await post(receptionRoutes.registerDevice, { location: 'Lumen Soho' }, marcus.token));
    const switched = signInResponseSchema.parse(await post(receptionRoutes.pinSignIn, { deviceToken, memberId: t.demo.members.marcus, pin: '7391' }));

    const { page, counts } = await askedOverTheSocket(switched);
    expect(switched.firstInbox).toEqual({ request: FIRST_INBOX_REQUEST, page: data(page), counts: data(counts).locations });
  }, SIGN_INS_TIMEOUT_MS);

  it('is absent while Client Connect is off, as the inbox requests are refused then', async () => {
    const owner = await t.connectStaff('owner');
    const current = data(await ask(owner, 'settings:get', {}));
    data(await ask(owner, 'settings:update', { settings: { ...current.settings, enabled: false }, baseVersion: current.version }));

    const signedIn = await t.signIn('priya');
    expect(signedIn.firstInbox).toBeUndefined();
    const { page, counts } = await askedOverTheSocket(signedIn);
    expect(page).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    expect(counts).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
  }, SIGN_INS_TIMEOUT_MS);
});
