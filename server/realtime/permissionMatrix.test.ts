// The permission matrix (R7, R9, R12): every staff request and both attachment routes,
// run by each kind of member against a Soho conversation, allowed or refused as the table says.
// A refused request changes nothing in the database.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/domain';
import { staffHttpRoutes, type StaffHttpRoute } from '../../shared/http';
import { SIGNED_IN, type RequiredPermission } from '../../shared/permissions';
import { staffRequests, type StaffRequestName } from '../../shared/staffEvents';
import { hashToken, newToken } from '../auth/tokens';
import { sampleFiles } from '../testing/sampleFiles';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

const ACTORS = ['noAccess', 'accessOnly', 'accessReply', 'owner', 'otherLocation', 'manager'] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'ok' | 'forbidden' | 'not_found' | 'unauthenticated' | 'bad_request' | 'conflict';
type Row = Record<Actor, Outcome>;

// Who is who: each has the grants and locations their name says (Soho is where the conversation is).
//   noAccess: a reception trainee at Soho        accessOnly: Sofia, stylist at Soho (read only)
//   accessReply: Priya, front desk at Soho       owner: Olivia
//   otherLocation: front desk at Shoreditch only manager: Managers group at Soho (settings + team)
const allowed = (...who: Actor[]): Row => Object.fromEntries(ACTORS.map((actor) => [actor, who.includes(actor) ? 'ok' : 'forbidden'])) as Row;
const readers = allowed('accessOnly', 'accessReply', 'owner', 'manager');
const repliers = allowed('accessReply', 'owner', 'manager');
/** A request about the Soho conversation (or its attachment): to a member who does not work at
 * Soho it answers exactly as a missing conversation would (enumeration.test.ts). */
const aboutTheConversation = (row: Row): Row => ({ ...row, otherLocation: 'not_found' });

const CHAT_MATRIX: Record<string, Row> = {
  'session:get': allowed(...ACTORS),
  'conversation:list': readers,
  'conversation:get': aboutTheConversation(readers),
  'message:list': aboutTheConversation(readers),
  'conversation:read': aboutTheConversation(readers),
  'message:send': aboutTheConversation(repliers),
  'typing:update': aboutTheConversation(repliers),
  // Anyone signed in follows settings; what chats it returns is scoped inside (sync.test.ts).
  'sync:since': allowed(...ACTORS),
  'search:query': readers,
  // Uploading is not tied to a location; attaching to another location's conversation is refused.
  'POST /api/attachments': allowed('accessReply', 'owner', 'manager', 'otherLocation'),
  'GET /api/attachments/:id': aboutTheConversation(readers),
  // Own notification preferences: every member, for themselves (R10).
  'profile:get': allowed(...ACTORS),
  'profile:update': allowed(...ACTORS),
  // The client profile and deliveries beside a conversation: Access at its location (R11, R12);
  // changing the client's contact details and channels redirects replies, so it needs Reply.
  'clientProfile:get': aboutTheConversation(readers),
  'clientProfile:update': aboutTheConversation(repliers),
  'delivery:list': aboutTheConversation(readers),
  // Triage: status, snooze and assignment change what the team works on, so they need Reply;
  // reading the events, the counts and one's own unread need Access (each member's own).
  'conversation:setStatus': aboutTheConversation(repliers),
  'conversation:snooze': aboutTheConversation(repliers),
  'conversation:assign': aboutTheConversation(repliers),
  'conversation:assignees': aboutTheConversation(repliers),
  'conversation:markUnread': aboutTheConversation(readers),
  'conversation:events': aboutTheConversation(readers),
  'conversation:counts': allowed('accessOnly', 'accessReply', 'owner', 'manager', 'otherLocation'),
  // Internal notes: anyone who may see the conversation may write one; the client note beside
  // it is read with Access and changed with Reply, like the client profile.
  'note:add': aboutTheConversation(readers),
  'note:list': aboutTheConversation(readers),
  'note:mentionable': aboutTheConversation(readers),
  'clientNote:get': aboutTheConversation(readers),
  'clientNote:update': aboutTheConversation(repliers),
  // Starting a conversation needs Reply; finding clients is for that, so it needs Reply too.
  // Clients belong to the whole workspace; starting one at Soho: a member who does not work
  // there is answered as if nothing were found.
  'client:find': allowed('accessReply', 'owner', 'manager', 'otherLocation'),
  'conversation:start-options': allowed('accessReply', 'owner', 'manager', 'otherLocation'),
  'conversation:start': aboutTheConversation(repliers),
  // Not about a conversation: every member with Access, wherever they work.
  'delivery:channels': allowed('accessOnly', 'accessReply', 'owner', 'manager', 'otherLocation'),
  // Sending a client's email or text again is sending on the business's behalf: Reply.
  'delivery:retry': aboutTheConversation(repliers),
  // Quick replies are offered to those who may reply, in the conversation's location.
  'quickReply:list': aboutTheConversation(repliers),
};
const ADMIN_MATRIX: Record<string, Row> = {
  'settings:get': allowed('owner', 'manager'),
  'settings:update': allowed('owner', 'manager'),
  // Opening hours and the after-hours reply are settings of the member's own locations.
  'openingHours:list': allowed('owner', 'manager'),
  'openingHours:update': allowed('owner', 'manager'),
  'team:get': allowed('owner', 'manager'),
  'group:create': allowed('owner', 'manager'),
  'group:update': allowed('owner', 'manager'),
  'group:delete': allowed('owner', 'manager'),
  'member:create': allowed('owner', 'manager'),
  'member:update': allowed('owner', 'manager'),
  'member:set-password': allowed('owner', 'manager'),
  'member:sign-out-everywhere': allowed('owner', 'manager'),
  // Lee is deactivated by the first allowed actor (the next finds him so already), then back.
  'member:deactivate': allowed('owner', 'manager'),
  'member:reactivate': allowed('owner', 'manager'),
  'reception:list-computers': allowed('owner', 'manager'),
  'reception:remove-computer': allowed('owner', 'manager'),
  'audit:list': allowed('owner'),
  'storage:get': allowed('owner'),
  // The quick reply library is a workspace setting.
  'quickReply:library': allowed('owner', 'manager'),
  'quickReply:create': allowed('owner', 'manager'),
  'quickReply:update': allowed('owner', 'manager'),
  'quickReply:delete': allowed('owner', 'manager'),
};

let t: TestServer;
const sockets = {} as Record<Actor, Socket>;
const tokens = {} as Record<Actor, string>;
let conversationId: number;
let leeId: number;
let messageId: number;
let sentAttachment: Attachment;
/** A reception computer per actor, for the one each may remove. */
const computers = {} as Record<Actor, number>;
/** An empty permission group per actor, for the one each may delete. */
const emptyGroups = {} as Record<Actor, number>;
/** A quick reply per actor, for the one each may delete; and one everybody edits. */
const quickReplies = {} as Record<Actor, number>;
let editedReplyId: number;

// Six members signed in twice each, uploads and a message: slow on a loaded machine.
const MATRIX_SETUP_TIMEOUT_MS = 60_000;

/** A fresh server for each test: the requests each table allows change the workspace (a group
 * deleted, a computer removed), which must not reach another table's run. */
function withMatrixServer() {
  beforeEach(async () => {
    t = await startTestServer();
    const { soho, shoreditch } = t.demo.locations;
    t.addMember({ name: 'Nia Trainee', email: 'nia@lumen.example', groupId: t.demo.groups.trainees, locationIds: [soho] });
    t.addMember({ name: 'Sam Desk', email: 'sam@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [shoreditch] });
    t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [soho] });
    // Whom the team requests are about: someone a manager at Soho manages (Tom and Marcus also
    // work at Shoreditch, so only an owner may change their accounts; teamRules.test.ts).
    leeId = t.addMember({ name: 'Lee Stylist', email: 'lee@lumen.example', groupId: t.demo.groups.stylists, locationIds: [soho] });
    const who: Record<Actor, Parameters<TestServer['signIn']>[0]> = {
      noAccess: { email: 'nia@lumen.example' }, accessOnly: 'sofia', accessReply: 'priya', owner: 'owner',
      otherLocation: { email: 'sam@lumen.example' }, manager: { email: 'maya@lumen.example' },
    };
    for (const actor of ACTORS) {
      tokens[actor] = (await t.signIn(who[actor])).token;
      sockets[actor] = await t.connectStaff(who[actor]);
    }
    for (const actor of ACTORS) {
      computers[actor] = t.repos.reception.registerDevice(hashToken(newToken()), t.demo.locations.soho, t.demo.members.owner, t.clock.now());
      quickReplies[actor] = t.repos.quickReplies.create({ title: `Reply for ${actor}`, text: 'See you soon', locationIds: [] }, t.clock.now()).id;
      emptyGroups[actor] = t.repos.groups.create({ name: `Empty group for ${actor}`, grants: { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false } })!.id;
    }
    editedReplyId = t.repos.quickReplies.create({ title: 'Edited by everyone', text: 'Hello', locationIds: [] }, t.clock.now()).id;
    conversationId = t.demo.conversations.ava!;
    sentAttachment = (await (await t.upload(tokens.accessReply, sampleFiles.png, 'swatch.png')).json()) as Attachment;
    const sent = data(await ask(sockets.accessReply, 'message:send', { conversationId, senderMessageId: randomUUID(), text: '', attachmentIds: [sentAttachment.id] }));
    messageId = sent.id;
    // Its email, already sent: a retry by whoever may is answered with it and changes nothing.
    t.db
      .prepare(
        `INSERT INTO deliveries (message_id, channel, address, idempotency_key, state, attempts, next_attempt_at, created_at, updated_at, sent_at)
         VALUES (?, 'email', 'ava@example.com', 'matrix-key', 'sent', 1, ?, ?, ?, ?)`,
      )
      .run(messageId, t.clock.now(), t.clock.now(), t.clock.now(), t.clock.now());
  }, MATRIX_SETUP_TIMEOUT_MS);
  afterEach(() => t.close());
}

const outcomeOf = (result: { ok: boolean; error?: { code: string } }): Outcome => (result.ok ? 'ok' : (result.error?.code as Outcome));
const httpOutcome = async (response: Response): Promise<Outcome> =>
  response.ok ? 'ok' : ((await response.json()) as { error: { code: Outcome } }).error.code;

/** A valid payload for each staff request, made fresh for each actor. */
function payloadFor(event: StaffRequestName, actor: Actor): unknown {
  const current = t.repos.workspace.settingsState();
  const stylists = t.repos.groups.findById(t.demo.groups.stylists)!;
  const lee = t.repos.team.teamMember(leeId)!;
  const payloads: Record<StaffRequestName, unknown> = {
    'session:get': {},
    'conversation:list': { locationId: t.demo.locations.soho },
    'conversation:get': { conversationId },
    'message:list': { conversationId },
    'conversation:read': { conversationId, upToMessageId: messageId },
    'message:send': { conversationId, senderMessageId: randomUUID(), text: `From ${actor}` },
    'typing:update': { conversationId, typing: false },
    'search:query': { query: 'appointment', locationId: t.demo.locations.soho },
    'settings:get': {},
    'settings:update': { settings: current.settings, baseVersion: current.version },
    'team:get': {},
    'group:create': { name: `Group of ${actor}`, grants: { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false } },
    'group:update': { groupId: stylists.id, name: stylists.name, grants: stylists.grants, baseVersion: stylists.version },
    'member:create': { name: `New colleague of ${actor}`, email: `new.${actor.toLowerCase()}@lumen.example`, password: 'a-first-password', groupId: stylists.id, locationIds: [t.demo.locations.soho] },
    'member:update': { memberId: lee.id, groupId: lee.groupId, locationIds: lee.locationIds },
    'member:set-password': { memberId: leeId, password: `password set by ${actor}` },
    'member:sign-out-everywhere': { memberId: leeId },
    'member:deactivate': { memberId: leeId },
    'member:reactivate': { memberId: leeId },
    'group:delete': { groupId: emptyGroups[actor] },
    'reception:list-computers': {},
    'reception:remove-computer': { computerId: computers[actor] },
    'audit:list': {},
    'storage:get': {},
    'profile:get': {},
    'profile:update': { prefs: { desktop: true, sound: false, showPreview: true, mutedLocationIds: [], quietHours: null }, baseVersion: 0 },
    'clientProfile:get': { conversationId },
    'clientProfile:update': clientProfileUpdate(),
    'delivery:list': { conversationId },
    'sync:since': { since: { messageId: 0, readPosition: 0, settingsVersion: 0, eventId: 0, memberReadPosition: 0 } },
    ...triagePayloads(),
    'client:find': { query: 'grace' },
    'conversation:start-options': { clientId: t.demo.clients.grace },
    'conversation:start': { clientId: t.demo.clients.grace, locationId: t.demo.locations.soho, senderMessageId: randomUUID(), text: `Started by ${actor}` },
    'delivery:channels': {},
    'delivery:retry': { messageId, channel: 'email' },
    'quickReply:library': {},
    'quickReply:create': { reply: { title: `Reply by ${actor}`, text: 'Hi {client.firstName}', locationIds: [] } },
    'quickReply:update': {
      id: editedReplyId,
      reply: { title: `Edited by ${actor}`, text: 'Hello', locationIds: [] },
      baseVersion: t.repos.quickReplies.find(editedReplyId)!.version,
    },
    'quickReply:delete': { id: quickReplies[actor] },
    'quickReply:list': { conversationId },
    'note:add': { conversationId, senderNoteId: randomUUID(), text: `Note by ${actor}`, mentionIds: [t.demo.members.priya] },
    'note:list': { conversationId },
    'note:mentionable': { conversationId },
    'clientNote:get': { conversationId },
    'clientNote:update': { conversationId, text: `Client note by ${actor}`, expectedVersion: t.repos.clientNotes.find(t.demo.clients.ava).version },
    'openingHours:list': {},
    'openingHours:update': {
      locationId: t.demo.locations.soho,
      settings: { hours: { weekly: [[{ opens: '09:00', closes: '18:00' }], [], [], [], [], [], []], closedDates: [] }, reply: { enabled: false, text: `Saved by ${actor}` } },
      baseVersion: t.repos.afterHours.find(t.demo.locations.soho).version,
    },
  };
  return payloads[event];
}

/** Each triage change names the conversation's current version, so every allowed actor's
 * change applies (a stale one would be a conflict, not a permission answer). */
function triagePayloads() {
  const expectedVersion = () => t.repos.triage.state(conversationId)!.triageVersion;
  const change = () => ({ conversationId, expectedVersion: expectedVersion(), changeId: randomUUID() });
  return {
    'conversation:setStatus': { ...change(), status: t.repos.triage.state(conversationId)!.status === 'done' ? 'open' : 'done' },
    'conversation:snooze': { ...change(), until: t.clock.now() + 60 * 60 * 1000 },
    'conversation:assign': { ...change(), assigneeId: t.repos.triage.state(conversationId)!.assigneeId === null ? t.demo.members.owner : null },
    'conversation:assignees': { conversationId },
    'conversation:markUnread': { conversationId },
    'conversation:events': { conversationId },
    'conversation:counts': {},
  } satisfies Partial<Record<StaffRequestName, unknown>>;
}

/** Saves the profile as it is (each allowed save moves its version on). */
function clientProfileUpdate() {
  const profile = t.repos.clientProfiles.find(t.demo.clients.ava)!;
  return {
    conversationId,
    profile: { name: profile.name, mobile: profile.mobile ?? '', email: profile.email ?? '', emailNotifications: false, smsNotifications: false },
    baseVersion: profile.version,
  };
}

async function run(event: string, actor: Actor): Promise<Outcome> {
  if (event === 'POST /api/attachments') return httpOutcome(await t.upload(tokens[actor], sampleFiles.pdf, 'menu.pdf'));
  if (event === 'GET /api/attachments/:id') return httpOutcome(await t.download(tokens[actor], sentAttachment.id));
  return outcomeOf(await ask(sockets[actor], event as StaffRequestName, payloadFor(event as StaffRequestName, actor)));
}

/** Runs a matrix; every refusal must leave the database exactly as it was. */
async function outcomes(matrix: Record<string, Row>): Promise<Record<string, Row>> {
  const seen: Record<string, Partial<Row>> = {};
  for (const event of Object.keys(matrix)) {
    seen[event] = {};
    for (const actor of ACTORS) {
      const before = t.fingerprint();
      const outcome = await run(event, actor);
      seen[event][actor] = outcome;
      if (outcome !== 'ok') expect(t.fingerprint(), `${actor} ${event} refused but changed something`).toEqual(before);
    }
  }
  return seen as Record<string, Row>;
}

describe('permission matrix', () => {
  it('covers every staff request there is', () => {
    expect(Object.keys(staffRequests).sort()).toEqual(
      [...Object.keys(CHAT_MATRIX), ...Object.keys(ADMIN_MATRIX)].filter((event) => !event.includes(' ')).sort(),
    );
  });

  it('refuses exactly the members the declared permission leaves out', () => {
    // What each actor's group grants, as the demo's groups and the added members are set up.
    const holds: Record<Actor, readonly RequiredPermission[]> = {
      noAccess: [SIGNED_IN],
      accessOnly: [SIGNED_IN, 'chats.access'],
      accessReply: [SIGNED_IN, 'chats.access', 'chats.reply'],
      owner: [SIGNED_IN, 'chats.access', 'chats.reply', 'settings.manage', 'team.manage', 'audit.view'],
      otherLocation: [SIGNED_IN, 'chats.access', 'chats.reply'],
      manager: [SIGNED_IN, 'chats.access', 'chats.reply', 'settings.manage', 'team.manage'],
    };
    const declared = (event: string): RequiredPermission =>
      event in staffRequests ? staffRequests[event as StaffRequestName].permission : staffHttpRoutes[event as StaffHttpRoute];
    // These two name Soho itself, where the member of another location does not work.
    const aboutSoho = new Set(['conversation:list', 'search:query']);
    for (const [event, row] of Object.entries({ ...CHAT_MATRIX, ...ADMIN_MATRIX })) {
      const refused = ACTORS.filter((actor) => row[actor] === 'forbidden' && !(aboutSoho.has(event) && actor === 'otherLocation'));
      expect(refused, event).toEqual(ACTORS.filter((actor) => !holds[actor].includes(declared(event))));
    }
  });
});

describe('permission matrix against a real server', () => {
  withMatrixServer();

  it('allows and refuses chat requests and attachment routes as the table says', async () => {
    expect(await outcomes(CHAT_MATRIX)).toEqual(CHAT_MATRIX);
  });

  it('allows and refuses settings, team and audit requests as the table says', async () => {
    expect(await outcomes(ADMIN_MATRIX)).toEqual(ADMIN_MATRIX);
  });

  it('refuses a member of another location the conversation\'s attachment even once they hold its id, as if it did not exist', async () => {
    const response = await t.download(tokens.otherLocation, sentAttachment.id);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('This attachment does not exist.');
  });

  it('lets the conversation\'s client download and upload, and no other client', async () => {
    const ava = t.issueClientToken(t.demo.clients.ava);
    const mia = t.issueClientToken(t.demo.clients.mia);
    expect([(await t.download(ava, sentAttachment.id)).status, (await t.download(mia, sentAttachment.id)).status]).toEqual([200, 404]);
    expect([(await t.upload(ava, sampleFiles.png)).status, (await t.upload('not-a-token', sampleFiles.png)).status]).toEqual([200, 401]);
  });
});
