// Removing people and groups from the team. A member is deactivated, never deleted (their
// messages and audit history keep their name): their sessions end at once (told why), their PIN
// is cleared and they cannot sign in (answered like a wrong password) until reactivated. An
// empty permission group can be deleted; one with members, deactivated ones too, cannot.
// Each test starts its own server: they deactivate people and delete groups.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http';
import type { GroupGrants } from '../../shared/permissions';
import type { Team } from '../../shared/teamEvents';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { ask, connectSocket, data, nextPush, startTestServer, TEST_INTEGRATION_KEY, type TestServer } from '../testing/testServer';

let t: TestServer;
let owner: Socket;
let manager: Socket;
let managerId: number;
const readOnly: GroupGrants = { accessChats: true, replyChats: false, manageSettings: false, manageTeam: false };
const outcome = (result: { ok: boolean; error?: { code: string; message: string } }) => (result.ok ? 'ok' : result.error?.code);

beforeEach(async () => {
  t = await startTestServer();
  owner = await t.connectStaff('owner');
  // Manages the team at Soho only: Sofia (Soho) is hers to manage, Marcus (also Shoreditch) is not.
  managerId = t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [t.demo.locations.soho] });
  manager = await t.connectStaff({ email: 'maya@lumen.example' });
});
afterEach(() => t.close());

const latestAudit = async () => data(await ask(owner, 'audit:list', { limit: 1 })).items[0];
const signInAs = (email: string, password: string) =>
  fetch(`${t.url}${routes.signIn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
const memberOf = async (memberId: number) => data(await ask(owner, 'team:get', {})).members.find((member) => member.id === memberId);

describe('member:deactivate', () => {
  it("ends the member's sessions at once, told why, clears their PIN, and is audited and pushed", async () => {
    const sofia = t.demo.members.sofia;
    t.repos.reception.setPin(sofia, 'a-pin-hash', t.clock.now());
    const session = await t.signIn('sofia');
    const socket = await connectSocket(t.url, { token: session.token });
    const seen = new Promise<string[]>((resolve) => {
      const events: string[] = [];
      socket.on('session:ended', (payload: { reason: string }) => events.push(`session:ended ${payload.reason}`));
      socket.on('disconnect', (reason) => resolve([...events, `disconnect ${reason}`]));
    });
    const pushed = nextPush<Team>(owner, 'team:updated');

    expect(data(await ask(manager, 'member:deactivate', { memberId: sofia }))).toEqual({ endedSessions: 1 });
    expect(await seen).toEqual(['session:ended deactivated', 'disconnect io server disconnect']);
    expect((await pushed).members.find((member) => member.id === sofia)).toMatchObject({ name: 'Sofia Marin', deactivatedAt: t.clock.now() });
    await expect(connectSocket(t.url, { token: session.token })).rejects.toThrow('unauthenticated');
    expect(t.repos.reception.pinOf(sofia)).toBeNull();
    expect(t.repos.reception.pinClearance(sofia)).toMatchObject({ reason: 'deactivated' });
    expect(await latestAudit()).toMatchObject({
      actor: { name: 'Maya Manager' }, action: 'member.deactivate', subject: 'Team member Sofia Marin',
      before: { active: true }, after: { active: false, endedSessions: 1, pinCleared: true },
    });
  });

  it('answers their sign-in exactly like a wrong password, with the right password too', async () => {
    data(await ask(manager, 'member:deactivate', { memberId: t.demo.members.sofia }));
    const deactivated = await signInAs(DEMO_MEMBERS.sofia.email, DEMO_PASSWORD);
    const wrong = await signInAs(DEMO_MEMBERS.priya.email, 'not-the-password');
    const unknown = await signInAs('nobody@lumen.example', DEMO_PASSWORD);
    expect(deactivated.status).toBe(401);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const body = await deactivated.json();
    expect(body).toEqual(await wrong.json());
    expect(body).toEqual(await unknown.json());
  });

  it('keeps their name on what they wrote and did: nothing of theirs is deleted', async () => {
    const rowsBefore = t.db.prepare('SELECT count(*) AS n FROM messages WHERE author_member_id = ?').get(t.demo.members.priya);
    data(await ask(owner, 'member:deactivate', { memberId: t.demo.members.priya }));
    expect(t.repos.team.teamMember(t.demo.members.priya)).toMatchObject({ name: 'Priya Shah', groupId: t.demo.groups.frontDesk });
    expect(t.db.prepare('SELECT count(*) AS n FROM messages WHERE author_member_id = ?').get(t.demo.members.priya)).toEqual(rowsBefore);
  });

  it.each([
    ['themselves', () => managerId, 'forbidden', 'You cannot deactivate your own account. Ask a workspace owner.'],
    ['an owner, by a manager', () => t.demo.members.owner, 'forbidden', 'Only a workspace owner can deactivate a workspace owner.'],
    ['a member who also works where the manager does not', () => t.demo.members.marcus, 'forbidden', expect.stringContaining('Marcus Reid works at Lumen Shoreditch')],
    ['an unknown member', () => 999_999, 'not_found', 'This team member does not exist.'],
  ])('refuses %s and changes nothing', async (_label, memberId, code, message) => {
    const before = t.fingerprint();
    expect(await ask(manager, 'member:deactivate', { memberId: memberId() })).toMatchObject({ ok: false, error: { code, message } });
    expect(t.fingerprint()).toEqual(before);
    expect(t.db.prepare('SELECT count(*) AS n FROM team_members WHERE deactivated_at IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('refuses an owner deactivating themselves too, so a workspace keeps its owner', async () => {
    expect(await ask(owner, 'member:deactivate', { memberId: t.demo.members.owner })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await memberOf(t.demo.members.owner)).not.toHaveProperty('deactivatedAt');
  });
});

describe('a deactivated member in the booking system', () => {
  it('takes no new appointment, while one already theirs can be sent again', async () => {
    const put = (ref: string, body: unknown) =>
      fetch(`${t.url}${routes.integrationAppointment.replace(':ref', ref)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_INTEGRATION_KEY}` },
        body: JSON.stringify(body),
      });
    expect((await fetch(`${t.url}${routes.integrationLocation.replace(':ref', 'loc-soho')}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_INTEGRATION_KEY}` }, body: JSON.stringify({ name: 'Lumen Soho 2' }),
    })).status).toBe(200);
    expect((await fetch(`${t.url}${routes.integrationClient.replace(':ref', 'cl-1')}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_INTEGRATION_KEY}` }, body: JSON.stringify({ name: 'Nia Okafor' }),
    })).status).toBe(200);
    const visit = { clientRef: 'cl-1', locationRef: 'loc-soho', service: 'Cut', startsAt: '2026-03-05T10:30:00+00:00', status: 'booked', staffEmail: DEMO_MEMBERS.sofia.email };
    expect((await put('ap-1', visit)).status).toBe(200);
    data(await ask(manager, 'member:deactivate', { memberId: t.demo.members.sofia }));

    expect((await put('ap-1', visit)).status).toBe(200);
    const before = t.fingerprint();
    const refused = await put('ap-2', visit);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: 'bad_request', details: [{ path: 'staffEmail', message: 'This team member is deactivated: give the appointment to someone else.' }] },
    });
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('member:reactivate', () => {
  it('lets them sign in again with the password, group and locations they had, audited', async () => {
    const sofia = t.demo.members.sofia;
    const before = await memberOf(sofia);
    const deactivatedPush = nextPush<Team>(owner, 'team:updated');
    data(await ask(manager, 'member:deactivate', { memberId: sofia }));
    await deactivatedPush;
    const pushed = nextPush<Team>(owner, 'team:updated');
    const reactivated = data(await ask(manager, 'member:reactivate', { memberId: sofia }));
    expect(reactivated).toEqual(before);
    expect((await pushed).members).toContainEqual(before);
    expect((await signInAs(DEMO_MEMBERS.sofia.email, DEMO_PASSWORD)).status).toBe(200);
    expect(await latestAudit()).toMatchObject({ action: 'member.reactivate', subject: 'Team member Sofia Marin', before: { active: false }, after: { active: true } });
  });

  it('follows the same rules: only members the manager manages', async () => {
    data(await ask(owner, 'member:deactivate', { memberId: t.demo.members.marcus }));
    expect(outcome(await ask(manager, 'member:reactivate', { memberId: t.demo.members.marcus }))).toBe('forbidden');
    expect((await signInAs(DEMO_MEMBERS.marcus.email, DEMO_PASSWORD)).status).toBe(401);
    expect(outcome(await ask(owner, 'member:reactivate', { memberId: t.demo.members.marcus }))).toBe('ok');
    expect((await signInAs(DEMO_MEMBERS.marcus.email, DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('group:delete', () => {
  it('deletes a group nobody is in, audited and pushed', async () => {
    const createdPush = nextPush<Team>(owner, 'team:updated');
    const group = data(await ask(manager, 'group:create', { name: 'Weekend cover', grants: readOnly }));
    await createdPush;
    const pushed = nextPush<Team>(owner, 'team:updated');
    expect(data(await ask(manager, 'group:delete', { groupId: group.id }))).toEqual({ groupId: group.id });
    expect((await pushed).groups.map((each) => each.name)).not.toContain('Weekend cover');
    expect(t.repos.groups.findById(group.id)).toBeNull();
    expect(await latestAudit()).toMatchObject({
      actor: { name: 'Maya Manager' }, action: 'group.delete', subject: 'Permission group "Weekend cover"',
      before: { name: 'Weekend cover', grants: readOnly }, after: null,
    });
  });

  it('refuses a group with members, deactivated ones too, saying why and changing nothing', async () => {
    const group = data(await ask(owner, 'group:create', { name: 'Weekend cover', grants: readOnly }));
    const leeId = t.addMember({ name: 'Lee Stylist', email: 'lee@lumen.example', groupId: group.id, locationIds: [t.demo.locations.soho] });
    data(await ask(owner, 'member:deactivate', { memberId: leeId }));
    const before = t.fingerprint();
    expect(await ask(owner, 'group:delete', { groupId: group.id })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: '1 team member is still in this group (deactivated members count too). Move them to another group first, then delete it.',
        details: { memberCount: 1 },
      },
    });
    expect(t.fingerprint()).toEqual(before);
    expect(outcome(await ask(owner, 'group:delete', { groupId: t.demo.groups.frontDesk }))).toBe('conflict');
  });

  it('refuses an unknown group, and a group with permissions the manager does not have', async () => {
    expect(outcome(await ask(owner, 'group:delete', { groupId: 999_999 }))).toBe('not_found');
    const teamOnly = data(await ask(owner, 'group:create', { name: 'Team admins', grants: { ...readOnly, accessChats: false, manageTeam: true } }));
    t.addMember({ name: 'Rota Keeper', email: 'rota@lumen.example', groupId: teamOnly.id, locationIds: [t.demo.locations.soho] });
    const rota = await t.connectStaff({ email: 'rota@lumen.example' });
    const replying = data(await ask(owner, 'group:create', { name: 'Repliers', grants: { ...readOnly, replyChats: true } }));
    const before = t.fingerprint();
    expect(await ask(rota, 'group:delete', { groupId: replying.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.fingerprint()).toEqual(before);
    expect(t.repos.groups.findById(replying.id)).not.toBeNull();
  });
});
