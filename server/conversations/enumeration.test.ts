// Conversation ids elsewhere cannot be mapped: to a member, another location's conversation
// answers every request exactly as a conversation that does not exist (same code, same
// message), and so does an attachment of one. The list of requests comes from the protocol:
// every staff request whose payload names a conversation is here, or this test fails.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/domain';
import { staffRequests, type StaffRequestName } from '../../shared/staffEvents';
import { sampleFiles } from '../testing/sampleFiles';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

const MISSING = 987_654;

let t: TestServer;
let priya: Socket;
let priyaToken: string;
let shoreditch: number;
let shoreditchMessage: number;
let shoreditchAttachment: Attachment;

// One server for the file: every request here is refused and each test checks that the
// database is as it was, so no test leaves anything for the next (one that did would fail itself).
beforeAll(async () => {
  t = await startTestServer();
  priyaToken = (await t.signIn('priya')).token;
  priya = await t.connectStaff('priya');
  shoreditch = t.demo.conversations.mia!;
  const marcusToken = (await t.signIn('marcus')).token;
  const marcus = await t.connectStaff('marcus');
  shoreditchAttachment = (await (await t.upload(marcusToken, sampleFiles.png, 'colour.png')).json()) as Attachment;
  shoreditchMessage = data(await ask(marcus, 'message:send', { conversationId: shoreditch, senderMessageId: randomUUID(), text: 'See the colour', attachmentIds: [shoreditchAttachment.id] })).id;
});
afterAll(() => t.close());

/** A payload that would be accepted at one of Priya's own conversations, about `conversationId`. */
const REQUESTS: Partial<Record<StaffRequestName, (conversationId: number) => unknown>> = {
  'conversation:get': (conversationId) => ({ conversationId }),
  'message:list': (conversationId) => ({ conversationId }),
  'conversation:read': (conversationId) => ({ conversationId, upToMessageId: shoreditchMessage }),
  'message:send': (conversationId) => ({ conversationId, senderMessageId: randomUUID(), text: 'Guessing ids' }),
  'typing:update': (conversationId) => ({ conversationId, typing: true }),
  'clientProfile:get': (conversationId) => ({ conversationId }),
  'clientProfile:update': (conversationId) => ({
    conversationId,
    baseVersion: 1,
    profile: { name: 'Mia Patel', mobile: '', email: 'attacker@example.com', emailNotifications: true, smsNotifications: false },
  }),
  'delivery:list': (conversationId) => ({ conversationId }),
  'conversation:setStatus': (conversationId) => ({ conversationId, expectedVersion: 0, changeId: randomUUID(), status: 'done' }),
  'conversation:snooze': (conversationId) => ({ conversationId, expectedVersion: 0, changeId: randomUUID(), until: t.clock.now() + 60_000 }),
  'conversation:assign': (conversationId) => ({ conversationId, expectedVersion: 0, changeId: randomUUID(), assigneeId: t.demo.members.priya }),
  'conversation:assignees': (conversationId) => ({ conversationId }),
  'conversation:markUnread': (conversationId) => ({ conversationId }),
  'conversation:events': (conversationId) => ({ conversationId }),
  'quickReply:list': (conversationId) => ({ conversationId }),
  'note:add': (conversationId) => ({ conversationId, senderNoteId: randomUUID(), text: 'A note' }),
  'note:list': (conversationId) => ({ conversationId }),
  'note:mentionable': (conversationId) => ({ conversationId }),
  'clientNote:get': (conversationId) => ({ conversationId }),
  'clientNote:update': (conversationId) => ({ conversationId, text: 'Allergic to nothing', expectedVersion: 0 }),
};

const namesAConversation = (event: StaffRequestName) => {
  // A payload that also reads an old field name is a pipe into its object schema.
  const payload = staffRequests[event].payload as { shape?: Record<string, unknown>; out?: { shape?: Record<string, unknown> } };
  const shape = payload.shape ?? payload.out?.shape;
  return shape !== undefined && 'conversationId' in shape;
};

describe('another location\'s conversation answers as a missing one', () => {
  it('covers every staff request that names a conversation', () => {
    const inProtocol = (Object.keys(staffRequests) as StaffRequestName[]).filter(namesAConversation).sort();
    expect(Object.keys(REQUESTS).sort()).toEqual(inProtocol);
  });

  it.each(Object.entries(REQUESTS))('%s: same code and message, nothing changed', async (event, payloadFor) => {
    const before = t.fingerprint();
    const elsewhere = await ask(priya, event as StaffRequestName, payloadFor(shoreditch));
    const missing = await ask(priya, event as StaffRequestName, payloadFor(MISSING));
    expect(elsewhere).toEqual({ ok: false, error: { code: 'not_found', message: 'This conversation does not exist.' } });
    expect(elsewhere).toEqual(missing);
    expect(t.fingerprint()).toEqual(before);
  });

  it('GET /api/attachments/:id: an attachment of another location answers as a missing one', async () => {
    const elsewhere = await t.download(priyaToken, shoreditchAttachment.id);
    const missing = await t.download(priyaToken, MISSING);
    expect([elsewhere.status, await elsewhere.json()]).toEqual([404, { error: { code: 'not_found', message: 'This attachment does not exist.' } }]);
    expect([missing.status, await missing.json()]).toEqual([404, { error: { code: 'not_found', message: 'This attachment does not exist.' } }]);
  });
});
