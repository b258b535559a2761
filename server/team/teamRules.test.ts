// "Manage team" is not owner-level: a manager grants only permissions they hold, never changes
// their own group or locations, and manages only members who work nowhere but at the manager's
// locations and hold nothing the manager lacks; owners alone manage owners. Each refusal says
// why, changes nothing, and is in the audit log.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http';
import type { GroupGrants } from '../../shared/permissions';
import { DEMO_PASSWORD } from '../demo/demoData';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

const ALL: GroupGrants = { accessChats: true, replyChats: true, manageSettings: true, manageTeam: true };
const TEAM_ONLY: GroupGrants = { accessChats: false, replyChats: false, manageSettings: false, manageTeam: true };

let t: TestServer;
let owner: Socket;
/** Hana: "Manage team" and nothing else, at Soho. */
let hana: Socket;
let hanaId: number;
let teamAdminsGroup: number;
/** Maya: every permission a group grants, at Soho only. */
let maya: Socket;
let mayaId: number;

// A server of its own for each test: several change the team (moving members, renaming groups),
// and each test's refusals must not depend on which of those ran before it.
beforeEach(async () => {
  t = await startTestServer();
  owner = await t.connectStaff('owner');
  teamAdminsGroup = data(await ask(owner, 'group:create', { name: 'Team admins', grants: TEAM_ONLY })).id;
  const { soho } = t.demo.locations;
  hanaId = t.addMember({ name: 'Hana Admin', email: 'hana@lumen.example', groupId: teamAdminsGroup, locationIds: [soho] });
  hana = await t.connectStaff({ email: 'hana@lumen.example' });
  mayaId = t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [soho] });
  maya = await t.connectStaff({ email: 'maya@lumen.example' });
});
afterEach(() => t.close());

const latestAudit = async () => data(await ask(owner, 'audit:list', { limit: 1 })).items[0];
const passwordHashOf = (email: string) => t.repos.team.credentialsByEmail(email)!.passwordHash;

/** Asks, expects a `forbidden` with this message, and checks that only the refusal was recorded. */
async function expectRefused(socket: Socket, event: Parameters<typeof ask>[1], payload: unknown, message: string, subject: string) {
  const before = t.fingerprint();
  const result = await ask(socket, event, payload);
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message } });
  expect(t.fingerprint()).toEqual(before);
  const entry = await latestAudit();
  expect(entry).toMatchObject({ action: 'team.refused', subject, before: null, after: { request: event, reason: message } });
  return entry;
}

describe('a manager with only "Manage team" (the attack that found this)', () => {
  it('cannot create a group with permissions they lack', async () => {
    const entry = await expectRefused(
      hana, 'group:create', { name: 'Everything', grants: ALL },
      'You can only give or take away permissions you have yourself. You do not have Access client chats, Reply to client chats and Manage Client Connect settings.',
      'Permission group "Everything"',
    );
    expect(entry).toMatchObject({ actor: { id: hanaId, name: 'Hana Admin' }, after: { asked: { name: 'Everything', grants: ALL } } });
    expect(t.repos.groups.list().map((group) => group.name)).not.toContain('Everything');
  });

  it('can create a group with what they hold, or less', async () => {
    expect(data(await ask(hana, 'group:create', { name: 'Rota keepers', grants: TEAM_ONLY })).grants).toEqual(TEAM_ONLY);
  });

  it('cannot move themselves into another group, nor add locations to themselves', async () => {
    const { soho, shoreditch } = t.demo.locations;
    const message = 'You cannot change your own permission group or locations. Ask a workspace owner.';
    await expectRefused(hana, 'member:update', { memberId: hanaId, groupId: t.demo.groups.managers, locationIds: [soho, shoreditch] }, message, 'Team member Hana Admin');
    await expectRefused(hana, 'member:update', { memberId: hanaId, groupId: teamAdminsGroup, locationIds: [soho, shoreditch] }, message, 'Team member Hana Admin');
    expect(t.repos.team.teamMember(hanaId)).toMatchObject({ groupId: teamAdminsGroup, locationIds: [soho] });
  });

  it('cannot reset the password of a member at a location they do not work at', async () => {
    const hashBefore = passwordHashOf('tom@lumen.example');
    await expectRefused(
      hana, 'member:set-password', { memberId: t.demo.members.tom, password: 'taken-over-account' },
      'Tom Hughes works at Lumen Shoreditch, which you do not, so only a workspace owner or another manager can change their account.',
      'Team member Tom Hughes',
    );
    expect(passwordHashOf('tom@lumen.example')).toBe(hashBefore);
    const signIn = await fetch(`${t.url}${routes.signIn}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'tom@lumen.example', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
  });

  it('cannot reset the password of (and so sign in as) a member with permissions they lack, nor sign them out', async () => {
    await expectRefused(
      hana, 'member:set-password', { memberId: t.demo.members.sofia, password: 'taken-over-account' },
      'Sofia Marin has Access client chats, which you do not, so only a workspace owner or another manager can change their account.',
      'Team member Sofia Marin',
    );
    await expectRefused(
      hana, 'member:sign-out-everywhere', { memberId: t.demo.members.marcus },
      'Marcus Reid works at Lumen Shoreditch and has Access client chats and Reply to client chats, which you do not, so only a workspace owner or another manager can change their account.',
      'Team member Marcus Reid',
    );
  });

  it('cannot add a member to a group with more than they hold, or at another location', async () => {
    const newcomer = { name: 'Lena Novak', email: 'lena@lumen.example', password: 'lena-first-password', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.soho] };
    await expectRefused(hana, 'member:create', newcomer,
      'You can only give or take away permissions you have yourself. You do not have Access client chats and Reply to client chats.', 'Team member Lena Novak');
    await expectRefused(hana, 'member:create', { ...newcomer, groupId: teamAdminsGroup, locationIds: [t.demo.locations.soho, t.demo.locations.shoreditch] },
      'You can only choose locations you work at. You do not work at Lumen Shoreditch.', 'Team member Lena Novak');
    expect(t.repos.team.credentialsByEmail('lena@lumen.example')).toBeNull();
  });

  it('manages whoever they may: a member at their location with no more than they hold', async () => {
    const newcomer = data(await ask(hana, 'member:create', {
      name: 'Ravi Rota', email: 'ravi@lumen.example', password: 'ravi-first-password', groupId: teamAdminsGroup, locationIds: [t.demo.locations.soho],
    }));
    expect(data(await ask(hana, 'member:set-password', { memberId: newcomer.id, password: 'ravi-second-password' })).endedSessions).toBe(0);
    expect(data(await ask(hana, 'member:update', { memberId: newcomer.id, groupId: t.demo.groups.trainees, locationIds: [t.demo.locations.soho] })).groupId).toBe(t.demo.groups.trainees);
    expect(data(await ask(hana, 'member:sign-out-everywhere', { memberId: newcomer.id })).endedSessions).toBe(0);
  });
});

describe('a manager with every permission, at Soho only', () => {
  it('cannot give a member a location they do not work at, nor change a member who also works elsewhere', async () => {
    const { soho, shoreditch } = t.demo.locations;
    await expectRefused(maya, 'member:update', { memberId: t.demo.members.priya, groupId: t.demo.groups.frontDesk, locationIds: [soho, shoreditch] },
      'You can only choose locations you work at. You do not work at Lumen Shoreditch.', 'Team member Priya Shah');
    await expectRefused(maya, 'member:update', { memberId: t.demo.members.marcus, groupId: t.demo.groups.frontDesk, locationIds: [soho] },
      'Marcus Reid works at Lumen Shoreditch, which you do not, so only a workspace owner or another manager can change their account.', 'Team member Marcus Reid');
    expect(data(await ask(maya, 'member:update', { memberId: t.demo.members.sofia, groupId: t.demo.groups.frontDesk, locationIds: [soho] })).groupId).toBe(t.demo.groups.frontDesk);
  });

  it("changes a group's permissions only when every member of it is hers to manage, and never her own group's", async () => {
    const frontDesk = t.repos.groups.findById(t.demo.groups.frontDesk)!;
    await expectRefused(maya, 'group:update', { groupId: frontDesk.id, name: frontDesk.name, grants: { ...frontDesk.grants, replyChats: false }, baseVersion: frontDesk.version },
      "This group's permissions also apply to Marcus Reid, who you do not manage. Ask a workspace owner to change them.", 'Permission group "Front desk"');
    const managers = t.repos.groups.findById(t.demo.groups.managers)!;
    await expectRefused(maya, 'group:update', { groupId: managers.id, name: managers.name, grants: { ...managers.grants, manageSettings: false }, baseVersion: managers.version },
      'You cannot change the permissions of your own group. Ask a workspace owner.', 'Permission group "Managers"');
    // A new name changes nobody's rights.
    expect(data(await ask(maya, 'group:update', { groupId: managers.id, name: 'Salon managers', grants: managers.grants, baseVersion: managers.version })).name).toBe('Salon managers');
    expect(t.repos.team.teamMember(mayaId)?.groupId).toBe(managers.id);
  });

  it("cannot change an owner's account; an owner can change anyone's but another owner's group", async () => {
    await expectRefused(maya, 'member:set-password', { memberId: t.demo.members.owner, password: 'owner-new-password' },
      "Only a workspace owner can set an owner's password.", 'Team member Olivia Bennett');
    const { soho, shoreditch } = t.demo.locations;
    expect(data(await ask(owner, 'member:update', { memberId: t.demo.members.marcus, groupId: t.demo.groups.frontDesk, locationIds: [shoreditch] })).locationIds).toEqual([shoreditch]);
    expect(data(await ask(owner, 'member:update', { memberId: mayaId, groupId: t.demo.groups.managers, locationIds: [soho, shoreditch] })).locationIds).toHaveLength(2);
    expect(data(await ask(owner, 'group:create', { name: 'Owners pick', grants: ALL })).grants).toEqual(ALL);
  });
});
