// Forged and malformed requests: each gets a clear error and changes nothing. Fields a request
// does not define are ignored, so they cannot smuggle in an author or an owner-only grant.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/domain';
import { errorCodes } from '../../shared/result';
import type { StaffRequestName } from '../../shared/staffEvents';
import type { DemoMemberKey } from '../demo/demoData';
import { sampleFiles } from '../testing/sampleFiles';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
const sockets = {} as Record<DemoMemberKey, Socket>;
let soho: number;
let shoreditch: number;
let shoreditchMessage: number;
let marcusUpload: Attachment;

async function startForgedServer() {
  t = await startTestServer();
  for (const member of ['owner', 'priya', 'marcus', 'sofia'] as const) sockets[member] = await t.connectStaff(member);
  soho = t.demo.conversations.ava!;
  shoreditch = t.demo.conversations.mia!;
  shoreditchMessage = data(await ask(sockets.owner, 'message:list', { conversationId: shoreditch })).items[0]!.id;
  marcusUpload = (await (await t.upload((await t.signIn('marcus')).token, sampleFiles.png, 'mine.png')).json()) as Attachment;
}

const send = (extra: Record<string, unknown>) => ({ conversationId: soho, senderMessageId: randomUUID(), text: 'Hi', ...extra });
const grants = { accessChats: true, replyChats: true, manageSettings: false, manageTeam: false };

// [what is forged or malformed, who sends it, event, payload, the code they get]
const CASES: [string, DemoMemberKey, StaffRequestName, () => unknown, string][] = [
  ['a conversation at a location the member does not work at', 'priya', 'message:send', () => send({ conversationId: shoreditch }), 'not_found'],
  ['another member\'s upload as an attachment', 'priya', 'message:send', () => send({ attachmentIds: [marcusUpload.id] }), 'not_found'],
  ['a read marker from another conversation', 'owner', 'conversation:read', () => ({ conversationId: soho, upToMessageId: shoreditchMessage }), 'not_found'],
  ['a conversation that does not exist', 'owner', 'message:send', () => send({ conversationId: 987_654 }), 'not_found'],
  ['a made-up inbox cursor', 'owner', 'conversation:list', () => ({ cursor: Buffer.from('0:0:drop table').toString('base64url') }), 'bad_request'],
  ['a location filter for a location elsewhere', 'priya', 'conversation:list', () => ({ locationId: t.demo.locations.shoreditch }), 'forbidden'],
  ['an id as a string', 'owner', 'conversation:get', () => ({ conversationId: String(soho) }), 'bad_request'],
  ['an id that is a float', 'owner', 'message:list', () => ({ conversationId: 1.5 }), 'bad_request'],
  ['SQL in an id', 'owner', 'message:list', () => ({ conversationId: '1 OR 1=1' }), 'bad_request'],
  ['a sender message id that is not a UUID', 'priya', 'message:send', () => send({ senderMessageId: '../../etc' }), 'bad_request'],
  ['attachment ids that are not ids', 'priya', 'message:send', () => send({ attachmentIds: ['a'] }), 'bad_request'],
  ['typing as a string', 'priya', 'typing:update', () => ({ conversationId: soho, typing: 'yes' }), 'bad_request'],
  ['an array instead of an object', 'owner', 'settings:update', () => [{ enabled: false }], 'bad_request'],
  ['a base version as a string', 'owner', 'settings:update', () => ({ settings: { enabled: false, contactButton: true, readReceipts: true, typingIndicator: true }, baseVersion: '1' }), 'bad_request'],
  ['a group name of 61 characters', 'owner', 'group:create', () => ({ name: 'x'.repeat(61), grants }), 'bad_request'],
  ['a stale group version', 'owner', 'group:update', () => ({ groupId: t.demo.groups.stylists, name: 'Stylists', grants, baseVersion: 0 }), 'conflict'],
  ['making an owner a group member', 'owner', 'member:update', () => ({ memberId: t.demo.members.owner, groupId: t.demo.groups.stylists, locationIds: [t.demo.locations.soho] }), 'forbidden'],
  ['a thousand location ids', 'owner', 'member:update', () => ({ memberId: t.demo.members.sofia, groupId: t.demo.groups.stylists, locationIds: Array.from({ length: 1000 }, (_, i) => i + 1) }), 'bad_request'],
  ['an audit page size of 1000', 'owner', 'audit:list', () => ({ limit: 1000 }), 'bad_request'],
  ['a member id of zero', 'owner', 'member:sign-out-everywhere', () => ({ memberId: 0 }), 'bad_request'],
  ['null', 'owner', 'team:get', () => null, 'bad_request'],
];

describe('forged and malformed payloads', () => {
  // One server for these cases: each is refused and checks that the database is as it was, so
  // none leaves anything for the next (one that did would fail itself).
  beforeAll(startForgedServer);
  afterAll(() => t.close());

  it.each(CASES)('%s (%s, %s) gets a clear error and changes nothing', async (_label, member, event, payload, code) => {
    const before = t.fingerprint();
    const result = await ask(sockets[member], event, payload());
    expect(result).toMatchObject({ ok: false, error: { code } });
    const { error } = result as { error: { code: string; message: string; details?: unknown } };
    expect(errorCodes).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(10);
    if (code === 'bad_request' && error.message === 'The request is not valid.') expect(error.details).toEqual(expect.any(Array));
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('forged fields and tokens', () => {
  // A fresh server for each test: an allowed request (a message sent, a group changed) must not
  // reach another test.
  beforeEach(startForgedServer);
  afterEach(() => t.close());

  it('ignores a forged author: the message is the sender\'s own', async () => {
    const message = data(await ask(sockets.priya, 'message:send', send({ author: { kind: 'staff', memberId: t.demo.members.owner, name: 'Olivia Bennett' } })));
    expect(message.author).toEqual({ kind: 'staff', memberId: t.demo.members.priya, name: 'Priya Shah' });
  });

  it('cannot grant the owner-only audit log through a group', async () => {
    const stylists = t.repos.groups.findById(t.demo.groups.stylists)!;
    const forged = { ...stylists.grants, viewAuditLog: true };
    data(await ask(sockets.owner, 'group:update', { groupId: stylists.id, name: stylists.name, grants: forged, baseVersion: stylists.version }));
    const sofia = await t.connectStaff('sofia');
    expect(data(await ask(sofia, 'session:get', {})).grants.viewAuditLog).toBe(false);
    expect(await ask(sofia, 'audit:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses forged tokens on the attachment routes', async () => {
    const forgedFromReal = `${(await t.signIn('priya')).token}x`;
    const before = t.fingerprint();
    for (const token of ['', 'x'.repeat(43), forgedFromReal]) {
      expect((await t.upload(token, sampleFiles.png)).status).toBe(401);
      expect((await t.download(token, marcusUpload.id)).status).toBe(401);
    }
    expect(t.fingerprint()).toEqual(before);
  });
});
