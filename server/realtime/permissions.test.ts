// Every staff request, allowed or refused, for each kind of member (R7, R8, R9, R12).
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRequestName } from '../../shared/staffEvents';
import type { DemoMemberKey } from '../demo/demoData';
import { ask, askClient, data, flush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
const sockets = {} as Record<DemoMemberKey, Socket>;
let sohoConversation: number;
let sohoMessage: number;
let shoreditchConversation: number;
let shoreditchMessage: number;

// A fresh server for each test: what an allowed request changes, and group changes, must not
// reach another test.
beforeEach(async () => {
  t = await startTestServer();
  for (const member of ['owner', 'priya', 'marcus', 'sofia', 'tom'] as const) sockets[member] = await t.connectStaff(member);
  sohoConversation = t.demo.conversations.ava!;
  shoreditchConversation = t.demo.conversations.mia!;
  sohoMessage = data(await ask(sockets.owner, 'message:list', { conversationId: sohoConversation })).items[0]!.id;
  shoreditchMessage = data(await ask(sockets.owner, 'message:list', { conversationId: shoreditchConversation })).items[0]!.id;
});
afterEach(() => t.close());

function requestsOn(conversationId: number, messageId: number): [StaffRequestName, () => unknown][] {
  return [
    ['conversation:get', () => ({ conversationId })],
    ['message:list', () => ({ conversationId })],
    ['message:send', () => ({ conversationId, senderMessageId: randomUUID(), text: 'Permission check' })],
    ['conversation:read', () => ({ conversationId, upToMessageId: messageId })],
    ['typing:update', () => ({ conversationId, typing: false })],
  ];
}

type Outcome = 'ok' | 'forbidden' | 'not_found';
// Soho conversation: who may do what.
const expectedAtSoho: Record<DemoMemberKey, Record<string, Outcome>> = {
  owner: { 'conversation:get': 'ok', 'message:list': 'ok', 'message:send': 'ok', 'conversation:read': 'ok', 'typing:update': 'ok' },
  marcus: { 'conversation:get': 'ok', 'message:list': 'ok', 'message:send': 'ok', 'conversation:read': 'ok', 'typing:update': 'ok' },
  priya: { 'conversation:get': 'ok', 'message:list': 'ok', 'message:send': 'ok', 'conversation:read': 'ok', 'typing:update': 'ok' },
  // Access without reply: reads, but cannot send or type (R7).
  sofia: { 'conversation:get': 'ok', 'message:list': 'ok', 'message:send': 'forbidden', 'conversation:read': 'ok', 'typing:update': 'forbidden' },
  // No access: every chat request refused (R9).
  tom: { 'conversation:get': 'forbidden', 'message:list': 'forbidden', 'message:send': 'forbidden', 'conversation:read': 'forbidden', 'typing:update': 'forbidden' },
};

const outcomeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('staff permissions', () => {
  it('lets every signed-in member get their session', async () => {
    for (const socket of Object.values(sockets)) expect((await ask(socket, 'session:get', {})).ok).toBe(true);
  });

  for (const member of Object.keys(expectedAtSoho) as DemoMemberKey[]) {
    it(`${member}: requests on a Soho conversation`, async () => {
      const outcomes = Object.fromEntries(
        await Promise.all(
          requestsOn(sohoConversation, sohoMessage).map(async ([event, payload]) => [event, outcomeOf(await ask(sockets[member], event, payload()))]),
        ),
      );
      expect(outcomes).toEqual(expectedAtSoho[member]);
    });
  }

  it('tells a member without access why, and refuses the inbox list', async () => {
    const result = await ask(sockets.tom, 'conversation:list', {});
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Access client chats') } });
  });

  it('refuses conversations of a location the member does not work at (R12), as if they did not exist', async () => {
    for (const [event, payload] of requestsOn(shoreditchConversation, shoreditchMessage)) {
      expect(outcomeOf(await ask(sockets.priya, event, payload())), event).toBe('not_found');
    }
    expect(outcomeOf(await ask(sockets.priya, 'conversation:list', { locationId: t.demo.locations.shoreditch }))).toBe('forbidden');
    expect(outcomeOf(await ask(sockets.marcus, 'conversation:get', { conversationId: shoreditchConversation }))).toBe('ok');
  });

  it('lists only the conversations of the member\'s locations', async () => {
    const locationsSeen = async (member: DemoMemberKey) =>
      new Set(data(await ask(sockets[member], 'conversation:list', { limit: 100 })).items.map((item) => item.location.name));
    expect(await locationsSeen('priya')).toEqual(new Set(['Lumen Soho']));
    expect(await locationsSeen('sofia')).toEqual(new Set(['Lumen Soho']));
    expect(await locationsSeen('marcus')).toEqual(new Set(['Lumen Soho', 'Lumen Shoreditch']));
    expect(await locationsSeen('owner')).toEqual(new Set(['Lumen Soho', 'Lumen Shoreditch']));
  });

  it('answers an unknown conversation with not_found', async () => {
    expect(outcomeOf(await ask(sockets.owner, 'conversation:get', { conversationId: 999_999 }))).toBe('not_found');
  });

  it('pushes a location\'s messages only to members with access there', async () => {
    const pushes = Object.fromEntries(
      (Object.keys(sockets) as DemoMemberKey[]).map((member) => [member, recordPushes(sockets[member], 'message:created')]),
    ) as Record<DemoMemberKey, unknown[]>;
    const mia = await t.connectClient(t.demo.clients.mia);
    const appointmentId = t.demo.appointments.mia[0]!;
    data(await askClient(mia, 'message:send', { appointmentId, senderMessageId: randomUUID(), text: 'Shoreditch only' }));
    await Promise.all(Object.values(sockets).map((socket) => flush(socket)));
    expect(Object.fromEntries(Object.entries(pushes).map(([member, seen]) => [member, seen.length]))).toEqual({
      owner: 1, marcus: 1, priya: 0, sofia: 0, tom: 0,
    });
  });

  it('applies permission group changes at the next sign-in, not before (R8)', async () => {
    const stylists = t.repos.groups.findById(t.demo.groups.stylists)!;
    data(await ask(sockets.owner, 'group:update', {
      groupId: stylists.id,
      name: stylists.name,
      grants: { ...stylists.grants, replyChats: true },
      baseVersion: stylists.version,
    }));
    const send = (socket: Socket) =>
      ask(socket, 'message:send', { conversationId: sohoConversation, senderMessageId: randomUUID(), text: 'From Sofia' });
    expect(outcomeOf(await send(sockets.sofia))).toBe('forbidden');
    const signedInAgain = await t.connectStaff('sofia');
    expect(data(await ask(signedInAgain, 'session:get', {})).grants.replyChats).toBe(true);
    expect(outcomeOf(await send(signedInAgain))).toBe('ok');
  });
});
