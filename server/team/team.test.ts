// Settings → Team: permission groups, members' groups and locations, signing a member out
// everywhere — and R8: a session keeps what it signed in with, the next sign-in gets the change.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PermissionGroup, Team } from '../../shared/teamEvents';
import { routes } from '../../shared/http';
import type { GroupGrants } from '../../shared/permissions';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { ask, connectSocket, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let owner: Socket;
let manager: Socket;
const readOnly: GroupGrants = { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false };
const outcome = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

/** A server of its own for each test: what one test adds, such as members and groups, never
 * reaches the counts and lists another checks. */
function withTeamServer() {
  beforeEach(async () => {
    t = await startTestServer();
    owner = await t.connectStaff('owner');
    // At both locations, with every permission a group grants: she may manage everyone but owners.
    t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [t.demo.locations.soho, t.demo.locations.shoreditch] });
    manager = await t.connectStaff({ email: 'maya@lumen.example' });
  });
  afterEach(() => t.close());
}

const latestAudit = async () => data(await ask(owner, 'audit:list', { limit: 1 })).items[0];

describe('team:get', () => {
  withTeamServer();

  it('lists groups with member counts, members with group and locations, and locations', async () => {
    const team = data(await ask(manager, 'team:get', {}));
    expect(team.groups.map((group) => [group.name, group.memberCount, group.version])).toEqual([
      ['Front desk', 2, 1], ['Managers', 1, 1], ['Reception trainee', 1, 1], ['Stylists', 1, 1],
    ]);
    expect(team.groups.find((group) => group.name === 'Stylists')?.grants).toEqual(readOnly);
    const byName = Object.fromEntries(team.members.map((member) => [member.name, member]));
    const { soho, shoreditch } = t.demo.locations;
    // Owners are in no group and work everywhere.
    expect(byName['Olivia Bennett']).toMatchObject({ role: 'owner', groupId: null, locationIds: [soho, shoreditch].sort((a, b) => a - b) });
    expect(byName['Sofia Marin']).toMatchObject({ role: 'member', groupId: t.demo.groups.stylists, locationIds: [soho] });
    expect(team.locations.map((location) => location.name)).toEqual(['Lumen Shoreditch', 'Lumen Soho']);
  });

  it('is refused to members who may not manage the team', async () => {
    for (const member of ['priya', 'sofia', 'tom'] as const) {
      expect(await ask(await t.connectStaff(member), 'team:get', {})).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'You do not have permission to manage the team.' },
      });
    }
  });
});

describe('permission groups', () => {
  withTeamServer();

  it('creates a group and audits it', async () => {
    const group = data(await ask(manager, 'group:create', { name: '  Juniors ', grants: readOnly }));
    expect(group).toEqual({ id: expect.any(Number), name: 'Juniors', grants: readOnly, memberCount: 0, version: 1 });
    expect(await latestAudit()).toMatchObject({
      actor: { name: 'Maya Manager' }, action: 'group.create', subject: 'Permission group "Juniors"', before: null, after: { name: 'Juniors', grants: readOnly },
    });
  });

  it.each([
    ['reply without access', { name: 'Odd', grants: { ...readOnly, accessChats: false, replyChats: true } }, 'bad_request', 'Reply to client chats needs Access client chats too.'],
    ['a name another group has, in any case', { name: 'front DESK', grants: readOnly }, 'conflict', 'Another permission group already has that name. Choose a different name.'],
    ['a blank name', { name: '   ', grants: readOnly }, 'bad_request', 'The request is not valid.'],
    ['missing grants', { name: 'Partial', grants: { accessChats: true } }, 'bad_request', 'The request is not valid.'],
  ])('refuses %s and changes nothing', async (_label, payload, code, message) => {
    const before = t.fingerprint();
    expect(await ask(manager, 'group:create', payload)).toMatchObject({ ok: false, error: { code, message } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('updates a group from the version it was opened at, renaming it too, and audits before and after', async () => {
    const opened = data(await ask(owner, 'group:create', { name: 'Colourists', grants: readOnly }));
    const edit = { groupId: opened.id, name: 'Colour team', grants: { ...readOnly, replyChats: true } };
    const saved = data(await ask(owner, 'group:update', { ...edit, baseVersion: opened.version }));
    expect(saved).toEqual({ ...opened, name: 'Colour team', grants: edit.grants, version: 2 });
    expect(await latestAudit()).toMatchObject({
      action: 'group.update', subject: 'Permission group "Colour team"',
      before: { name: 'Colourists', grants: readOnly }, after: { name: 'Colour team', grants: edit.grants },
    });

    const before = t.fingerprint();
    const stale = await ask(manager, 'group:update', { ...edit, grants: readOnly, baseVersion: opened.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: saved } });
    expect(await ask(owner, 'group:update', { ...edit, name: 'Stylists', baseVersion: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ask(owner, 'group:update', { ...edit, groupId: 999_999, baseVersion: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(data(await ask(owner, 'group:update', { ...edit, baseVersion: 2 }))).toEqual(saved); // nothing to change
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('member:create', () => {
  withTeamServer();

  const newcomer = () => ({ name: ' Lena Novak ', email: ' Lena@Lumen.example', password: 'lena-first-password', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.soho, t.demo.locations.soho] });

  it('adds a member who signs in with the password given, sees the team change live, and is audited', async () => {
    const pushed = nextPush<Team>(owner, 'team:updated');
    const created = data(await ask(manager, 'member:create', newcomer()));
    expect(created).toEqual({ id: expect.any(Number), name: 'Lena Novak', email: 'lena@lumen.example', role: 'member', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.soho] });
    expect((await pushed).members).toContainEqual(created);
    expect(await latestAudit()).toMatchObject({
      actor: { name: 'Maya Manager' }, action: 'member.create', subject: 'Team member Lena Novak', before: null,
      after: { email: 'lena@lumen.example', group: { name: 'Front desk' }, locations: [{ name: 'Lumen Soho' }] },
    });
    const lena = await t.connectStaff({ email: 'lena@lumen.example', password: 'lena-first-password' });
    const session = data(await ask(lena, 'session:get', {}));
    expect(session.grants).toMatchObject({ accessChats: true, replyChats: true, manageTeam: false });
    expect(session.locations.map((location) => location.name)).toEqual(['Lumen Soho']);
    lena.close();
  });

  it.each([
    ['an email someone signs in with, in any case', () => ({ ...newcomer(), email: 'PRIYA@lumen.example' }), 'conflict'],
    ['a short password', () => ({ ...newcomer(), email: 'new1@lumen.example', password: 'short' }), 'bad_request'],
    ['no locations', () => ({ ...newcomer(), email: 'new2@lumen.example', locationIds: [] }), 'bad_request'],
    ['an unknown group', () => ({ ...newcomer(), email: 'new3@lumen.example', groupId: 999 }), 'not_found'],
    ['an unknown location', () => ({ ...newcomer(), email: 'new4@lumen.example', locationIds: [999] }), 'not_found'],
    ['a blank name', () => ({ ...newcomer(), email: 'new5@lumen.example', name: '  ' }), 'bad_request'],
  ])('refuses %s and changes nothing', async (_label, payload, code) => {
    const before = t.fingerprint();
    expect(outcome(await ask(manager, 'member:create', payload()))).toBe(code);
    expect(t.fingerprint()).toEqual(before);
  });

  it('only ever adds members: a role asked for is not taken', async () => {
    const created = data(await ask(manager, 'member:create', { ...newcomer(), email: 'would.be.owner@lumen.example', role: 'owner' }));
    expect(created.role).toBe('member');
    expect(t.repos.team.teamMember(created.id)).toMatchObject({ role: 'member', groupId: t.demo.groups.frontDesk });
  });

  it('is refused to members who may not manage the team', async () => {
    const priya = await t.connectStaff('priya');
    const before = t.fingerprint();
    expect(outcome(await ask(priya, 'member:create', { ...newcomer(), email: 'sneaky@lumen.example' }))).toBe('forbidden');
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('member:update', () => {
  withTeamServer();

  it('moves a member to a group and sets where they work, audited with names', async () => {
    const { soho, shoreditch } = t.demo.locations;
    const tomId = t.demo.members.tom;
    const updated = data(await ask(manager, 'member:update', { memberId: tomId, groupId: t.demo.groups.stylists, locationIds: [shoreditch, soho, soho] }));
    expect(updated).toMatchObject({ id: tomId, name: 'Tom Hughes', groupId: t.demo.groups.stylists, locationIds: [soho, shoreditch].sort((a, b) => a - b) });
    expect(await latestAudit()).toMatchObject({
      action: 'member.update',
      subject: 'Team member Tom Hughes',
      before: { group: { id: t.demo.groups.trainees, name: 'Reception trainee' }, locations: [{ id: shoreditch, name: 'Lumen Shoreditch' }] },
      after: { group: { id: t.demo.groups.stylists, name: 'Stylists' }, locations: [{ name: 'Lumen Shoreditch' }, { name: 'Lumen Soho' }] },
    });
  });

  it.each([
    ['an owner', () => ({ memberId: t.demo.members.owner, groupId: t.demo.groups.stylists, locationIds: [t.demo.locations.soho] }), 'forbidden'],
    ['no locations', () => ({ memberId: t.demo.members.sofia, groupId: t.demo.groups.stylists, locationIds: [] }), 'bad_request'],
    ['an unknown location', () => ({ memberId: t.demo.members.sofia, groupId: t.demo.groups.stylists, locationIds: [999] }), 'not_found'],
    ['an unknown group', () => ({ memberId: t.demo.members.sofia, groupId: 999, locationIds: [t.demo.locations.soho] }), 'not_found'],
    ['an unknown member', () => ({ memberId: 999, groupId: t.demo.groups.stylists, locationIds: [t.demo.locations.soho] }), 'not_found'],
    ['a group name instead of an id', () => ({ memberId: t.demo.members.sofia, groupId: 'Stylists', locationIds: [1] }), 'bad_request'],
  ])('refuses %s and changes nothing', async (_label, payload, code) => {
    const before = t.fingerprint();
    expect(outcome(await ask(manager, 'member:update', payload()))).toBe(code);
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('R8: changes apply at the next sign-in', () => {
  withTeamServer();

  it('keeps an open session on the grants and locations it signed in with; a new sign-in gets the new ones', async () => {
    const addam = t.addMember({ name: 'Addam Lee', email: 'addam@lumen.example', groupId: t.demo.groups.stylists, locationIds: [t.demo.locations.soho] });
    const signedInBefore = await t.connectStaff({ email: 'addam@lumen.example' });
    const seniors: PermissionGroup = data(await ask(owner, 'group:create', { name: 'Seniors', grants: { ...readOnly, replyChats: true } }));
    data(await ask(owner, 'member:update', { memberId: addam, groupId: seniors.id, locationIds: [t.demo.locations.shoreditch] }));

    const soho = t.demo.conversations.ava!;
    const shoreditch = t.demo.conversations.mia!;
    const send = (socket: Socket, conversationId: number) =>
      ask(socket, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'From Addam' });
    const old = {
      grants: data(await ask(signedInBefore, 'session:get', {})).grants,
      sohoRead: outcome(await ask(signedInBefore, 'message:list', { conversationId: soho })),
      sohoSend: outcome(await send(signedInBefore, soho)),
      shoreditchRead: outcome(await ask(signedInBefore, 'message:list', { conversationId: shoreditch })),
    };
    expect(old).toEqual({ grants: { ...readOnly, viewAuditLog: false }, sohoRead: 'ok', sohoSend: 'forbidden', shoreditchRead: 'not_found' });

    const signedInAfter = await t.connectStaff({ email: 'addam@lumen.example' });
    const session = data(await ask(signedInAfter, 'session:get', {}));
    expect(session.grants.replyChats).toBe(true);
    expect(session.locations.map((location) => location.name)).toEqual(['Lumen Shoreditch']);
    expect(outcome(await send(signedInAfter, shoreditch))).toBe('ok');
    expect(outcome(await ask(signedInAfter, 'message:list', { conversationId: soho }))).toBe('not_found');
  });
});

describe('team:updated', () => {
  withTeamServer();

  it('gives every session that may manage the team the team as it is after each change, and nobody else', async () => {
    const otherOwner = await t.connectStaff('owner');
    const pushed = recordPushes<Team>(otherOwner, 'team:updated');
    const outsiders = await Promise.all((['priya', 'sofia', 'tom'] as const).map((member) => t.connectStaff(member)));
    const overheard = outsiders.map((socket) => recordPushes(socket, 'team:updated'));

    const group = data(await ask(manager, 'group:create', { name: 'Apprentices', grants: readOnly }));
    data(await ask(manager, 'group:update', { groupId: group.id, name: 'Apprentices', grants: { ...readOnly, replyChats: true }, baseVersion: group.version }));
    const { soho } = t.demo.locations;
    data(await ask(manager, 'member:update', { memberId: t.demo.members.sofia, groupId: group.id, locationIds: [soho] }));
    await flush(otherOwner);
    expect(pushed).toHaveLength(3);
    expect(pushed.map((team) => team.groups.find((candidate) => candidate.id === group.id))).toEqual([
      { ...group },
      { ...group, grants: { ...readOnly, replyChats: true }, version: 2 },
      { ...group, grants: { ...readOnly, replyChats: true }, version: 2, memberCount: 1 },
    ]);
    expect(pushed.at(-1)).toEqual(data(await ask(otherOwner, 'team:get', {})));

    // Refusals and saves that change nothing push nothing.
    await ask(manager, 'group:create', { name: 'apprentices', grants: readOnly });
    await ask(manager, 'group:update', { groupId: group.id, name: 'Apprentices', grants: readOnly, baseVersion: 1 });
    await ask(manager, 'member:update', { memberId: t.demo.members.sofia, groupId: group.id, locationIds: [soho] });
    await Promise.all([flush(otherOwner), ...outsiders.map((socket) => flush(socket))]);
    expect(pushed).toHaveLength(3);
    expect(overheard).toEqual([[], [], []]);
    outsiders.forEach((socket) => socket.close());
    otherOwner.close();
  });
});

describe('member:set-password', () => {
  withTeamServer();

  const signInAs = (email: string, password: string) =>
    fetch(`${t.url}${routes.signIn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  it('sets a forgotten password: the member signs in with it, their sessions end (told why), audited without the password', async () => {
    const sofiaEmail = DEMO_MEMBERS.sofia.email;
    const signedIn = await t.connectStaff('sofia');
    const ended = nextPush(signedIn, 'session:ended');
    expect(data(await ask(manager, 'member:set-password', { memberId: t.demo.members.sofia, password: 'sofia-fresh-password' })).endedSessions).toBeGreaterThanOrEqual(1);
    expect(await ended).toEqual({ reason: 'password-changed' });
    expect((await signInAs(sofiaEmail, DEMO_PASSWORD)).status).toBe(401);
    expect((await signInAs(sofiaEmail, 'sofia-fresh-password')).status).toBe(200);
    const entry = await latestAudit();
    expect(entry).toMatchObject({ actor: { name: 'Maya Manager' }, action: 'member.setPassword', subject: 'Team member Sofia Marin', before: null });
    expect(JSON.stringify(entry)).not.toContain('sofia-fresh-password');
  });

  it.each([
    ['an owner, by a manager', () => ({ memberId: t.demo.members.owner, password: 'owner-new-password' }), 'forbidden'],
    ['a short password', () => ({ memberId: t.demo.members.sofia, password: 'short' }), 'bad_request'],
    ['an unknown member', () => ({ memberId: 999_999, password: 'a-long-enough-one' }), 'not_found'],
  ])('refuses %s and changes nothing', async (_label, payload, code) => {
    const before = t.fingerprint();
    const hashBefore = t.repos.team.credentialsByEmail(DEMO_MEMBERS.owner.email)!.passwordHash;
    expect(outcome(await ask(manager, 'member:set-password', payload()))).toBe(code);
    expect(t.fingerprint()).toEqual(before);
    expect(t.repos.team.credentialsByEmail(DEMO_MEMBERS.owner.email)!.passwordHash).toBe(hashBefore);
  });
});

describe('member:sign-out-everywhere', () => {
  withTeamServer();

  it('ends every session of the member: each socket hears why, then is disconnected', async () => {
    const first = await t.signIn('priya');
    const second = await t.signIn('priya');
    const sockets = [
      await connectSocket(t.url, { token: first.token }),
      await connectSocket(t.url, { token: first.token }),
      await connectSocket(t.url, { token: second.token }),
    ];
    const seen = sockets.map(
      (socket) =>
        new Promise<string[]>((resolve) => {
          const events: string[] = [];
          socket.on('session:ended', (payload: { reason: string }) => events.push(`session:ended ${payload.reason}`));
          socket.on('disconnect', (reason) => resolve([...events, `disconnect ${reason}`]));
        }),
    );
    const result = data(await ask(manager, 'member:sign-out-everywhere', { memberId: t.demo.members.priya }));
    expect(result.endedSessions).toBeGreaterThanOrEqual(2); // and any earlier test sessions of Priya's
    for (const events of await Promise.all(seen)) {
      expect(events).toEqual(['session:ended signed-out-everywhere', 'disconnect io server disconnect']);
    }
    await expect(connectSocket(t.url, { token: second.token })).rejects.toThrow('unauthenticated');
    expect((await t.upload(first.token, Buffer.from('x'))).status).toBe(401);
    expect(await latestAudit()).toMatchObject({ action: 'member.signOutEverywhere', subject: 'Team member Priya Shah', after: { activeSessions: 0 } });
    expect(data(await ask(manager, 'member:sign-out-everywhere', { memberId: t.demo.members.priya })).endedSessions).toBe(0);
  });

  it('lets only owners sign out an owner, and answers the caller before ending its own session', async () => {
    expect(outcome(await ask(manager, 'member:sign-out-everywhere', { memberId: t.demo.members.owner }))).toBe('forbidden');
    const ownerToo = await t.connectStaff('owner');
    const ended = new Promise((resolve) => ownerToo.once('session:ended', resolve));
    expect(data(await ask(ownerToo, 'member:sign-out-everywhere', { memberId: t.demo.members.owner })).endedSessions).toBeGreaterThanOrEqual(1);
    expect(await ended).toEqual({ reason: 'signed-out-everywhere' });
    owner = await t.connectStaff('owner');
  });
});

describe('audit:list', () => {
  withTeamServer();

  it('pages every change newest first, for owners only', async () => {
    // Changes of its own to page through (this server has seen no other test's).
    for (const name of ['Apprentices', 'Juniors', 'Seniors', 'Weekend', 'Evening', 'Colour', 'Cutting', 'Reception']) {
      data(await ask(owner, 'group:create', { name, grants: readOnly }));
    }
    expect(await ask(manager, 'audit:list', {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only workspace owners can see the audit log.' } });
    const all = data(await ask(owner, 'audit:list', { limit: 100 }));
    expect(all.hasMore).toBe(false);
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    const pages: number[][] = [];
    let beforeId: number | undefined;
    let hasMore = true;
    while (hasMore) {
      const page = data(await ask(owner, 'audit:list', { limit: 3, ...(beforeId ? { beforeId } : {}) }));
      pages.push(page.items.map((entry) => entry.id));
      hasMore = page.hasMore;
      beforeId = page.items[page.items.length - 1]?.id;
    }
    expect(pages.flat()).toEqual(all.items.map((entry) => entry.id));
    expect(pages.flat()).toEqual([...pages.flat()].sort((a, b) => b - a));
  });
});
