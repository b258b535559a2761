// Client Connect settings: reading and saving them, conflicts, the audit trail, who may edit
// them, and R3 — a save reaches already-connected staff apps and clients at once.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsState } from '../../shared/settingsEvents';
import type { WorkspaceSettings } from '../../shared/domain';
import { ask, askClient, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let owner: Socket;
let manager: Socket;
const defaults: WorkspaceSettings = { enabled: true, contactButton: true, readReceipts: true, typingIndicator: true };

// A fresh server for each test: settings saved (and their versions and audit entries) must not
// reach another test.
beforeEach(async () => {
  t = await startTestServer();
  owner = await t.connectStaff('owner');
  t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [t.demo.locations.soho] });
  manager = await t.connectStaff({ email: 'maya@lumen.example' });
});
afterEach(() => t.close());

/** Saves changes on top of the current settings, as the Messages page does. */
async function save(socket: Socket, changes: Partial<WorkspaceSettings>) {
  const current = data(await ask(socket, 'settings:get', {}));
  return ask(socket, 'settings:update', { settings: { ...current.settings, ...changes }, baseVersion: current.version });
}

describe('settings:get and settings:update', () => {
  it('reads the settings with their version, and a save moves the version on', async () => {
    const before = data(await ask(owner, 'settings:get', {}));
    expect(before.settings).toEqual(defaults);
    t.clock.advance(60_000);
    const saved = data(await save(owner, { readReceipts: false }));
    expect(saved).toEqual({ settings: { ...defaults, readReceipts: false }, version: before.version + 1, updatedAt: t.clock.now() });
    expect(data(await ask(owner, 'settings:get', {}))).toEqual(saved);
  });

  it('records who changed what, when, before and after in the audit log', async () => {
    t.clock.advance(1000);
    data(await save(manager, { typingIndicator: false }));
    const [entry] = data(await ask(owner, 'audit:list', { limit: 1 })).items;
    expect(entry).toMatchObject({
      at: t.clock.now(),
      actor: { name: 'Maya Manager' },
      action: 'settings.update',
      subject: 'Client Connect settings',
      before: defaults,
      after: { ...defaults, typingIndicator: false },
    });
  });

  it('refuses a save based on an older version with conflict and the current settings, changing nothing', async () => {
    const opened = data(await ask(owner, 'settings:get', {}));
    data(await save(manager, { contactButton: false })); // someone else saves first
    const before = t.fingerprint();
    const stale = await ask(owner, 'settings:update', { settings: { ...opened.settings, enabled: false }, baseVersion: opened.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Someone else saved') } });
    const current = (stale as { error: { details: SettingsState } }).error.details;
    expect(current).toEqual(data(await ask(owner, 'settings:get', {})));
    expect(current.settings).toEqual({ ...defaults, contactButton: false });
    expect(t.fingerprint()).toEqual(before);
  });

  it('treats saving the same settings as a no-op: no new version, no audit entry, no push', async () => {
    const pushes = recordPushes(owner, 'settings:updated');
    const before = t.fingerprint();
    const current = data(await ask(owner, 'settings:get', {}));
    expect(data(await ask(owner, 'settings:update', { settings: current.settings, baseVersion: current.version }))).toEqual(current);
    await flush(owner);
    expect(pushes).toEqual([]);
    expect(t.fingerprint()).toEqual(before);
    owner.off('settings:updated');
  });

  it('is for owners and groups that may manage settings only', async () => {
    for (const member of ['priya', 'sofia', 'tom'] as const) {
      const socket = await t.connectStaff(member);
      expect(await ask(socket, 'settings:get', {}), member).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await ask(socket, 'settings:update', { settings: defaults, baseVersion: 1 }), member).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'You do not have permission to manage settings.' },
      });
    }
    expect((await ask(manager, 'settings:get', {})).ok).toBe(true);
  });

  it.each([
    ['a missing setting', { settings: { enabled: true }, baseVersion: 1 }],
    ['a string for a boolean', { settings: { ...defaults, enabled: 'no' }, baseVersion: 1 }],
    ['no base version', { settings: defaults }],
    ['a negative base version', { settings: defaults, baseVersion: -1 }],
  ])('refuses %s with bad_request and changes nothing', async (_label, payload) => {
    const before = t.fingerprint();
    expect(await ask(owner, 'settings:update', payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('R3: a save applies at once to connected apps and clients', () => {
  it('pushes to every staff app and client connection, and their next requests follow it', async () => {
    const priya = await t.connectStaff('priya');
    const tom = await t.connectStaff('tom');
    const ava = await t.connectClient(t.demo.clients.ava);
    const grace = await t.connectClient(t.demo.clients.grace);
    const conversationId = t.demo.conversations.ava!;
    const staffPushes = [nextPush<SettingsState>(priya, 'settings:updated'), nextPush<SettingsState>(tom, 'settings:updated')];
    const clientPushes = [nextPush(ava, 'settings:updated'), nextPush(grace, 'settings:updated')];

    const off = data(await save(owner, { enabled: false }));
    expect(await Promise.all(staffPushes)).toEqual([off, off]);
    expect(await Promise.all(clientPushes)).toEqual([{ enabled: false }, { enabled: false }]);
    // The same connections, without reconnecting or signing in again.
    expect(data(await ask(priya, 'session:get', {})).workspace.settings.enabled).toBe(false);
    expect(await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'Hi' })).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    const graceView = data(await askClient(grace, 'client:get', {}));
    expect(graceView.messagingEnabled).toBe(false);
    expect(graceView.appointments.every((appointment) => !appointment.canMessage)).toBe(true);

    const backOn = [nextPush(ava, 'settings:updated'), nextPush(priya, 'settings:updated')];
    const on = data(await save(owner, { enabled: true }));
    expect(await Promise.all(backOn)).toEqual([{ enabled: true }, on]);
    expect((await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'Back' })).ok).toBe(true);
    expect(data(await askClient(grace, 'client:get', {})).appointments[0]?.canMessage).toBe(true);
  });
});
