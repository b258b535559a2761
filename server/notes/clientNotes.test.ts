// Client notes against a real server: versions instead of silent overwrites, the audit trail
// (who and when, never the text), live to staff who can see the client, bounded and checked.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientNote } from '../../shared/noteEvents';
import { ask, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';
import { CLIENT_NOTE_CHANGED } from './notes.handlers';

let t: TestServer;
let ava: number;
beforeEach(async () => {
  t = await startTestServer();
  ava = t.demo.conversations.ava!;
});
afterEach(() => t.close());

const save = (socket: Socket, text: string, expectedVersion: number) => ask(socket, 'clientNote:update', { conversationId: ava, text, expectedVersion });

describe('client notes', () => {
  it('start empty, then each save moves the version on and names who saved it and when', async () => {
    const priya = await t.connectStaff('priya');
    expect(data(await ask(priya, 'clientNote:get', { conversationId: ava }))).toEqual({ clientId: t.demo.clients.ava, text: '', version: 0, updated: null });
    const first = data(await save(priya, ' Patch test 2 March: no reaction ', 0));
    expect(first).toEqual({ clientId: t.demo.clients.ava, text: 'Patch test 2 March: no reaction', version: 1, updated: { at: t.clock.now(), by: { id: t.demo.members.priya, name: 'Priya Shah' } } });
    t.clock.advance(60_000);
    const second = data(await save(await t.connectStaff('marcus'), 'Patch test 2 March: no reaction. Allergic to latex.', 1));
    expect(second).toMatchObject({ version: 2, updated: { at: t.clock.now(), by: { name: 'Marcus Reid' } } });
    // Saving the same text again changes nothing.
    expect(data(await save(priya, second.text, 2))).toEqual(second);
  });

  it('a save from an older version is refused with the newer note, and changes nothing', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    data(await save(priya, 'Prefers mornings', 0));
    const marcusSaved = data(await save(marcus, 'Prefers mornings. Allergic to latex.', 1));
    const before = t.fingerprint();
    // Priya still had version 1 open.
    const clash = await save(priya, 'Prefers afternoons', 1);
    expect(clash).toEqual({ ok: false, error: { code: 'conflict', message: CLIENT_NOTE_CHANGED, details: marcusSaved } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('two first saves fired at once: one is stored, the other clashes', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    const outcomes = await Promise.all([save(priya, 'From Priya', 0), save(marcus, 'From Marcus', 0)]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.error.code === 'conflict')).toHaveLength(1);
    expect(data(await ask(priya, 'clientNote:get', { conversationId: ava })).version).toBe(1);
  });

  it('is audited with who and when, not the text', async () => {
    const priya = await t.connectStaff('priya');
    data(await save(priya, 'Allergic to latex', 0));
    const entries = data(await ask(await t.connectStaff('owner'), 'audit:list', {})).items.filter((entry) => entry.action === 'clientNote.update');
    expect(entries).toEqual([
      expect.objectContaining({ actor: { id: t.demo.members.priya, name: 'Priya Shah' }, at: t.clock.now(), subject: 'Client note of Ava Thompson', before: { version: 0, characters: 0 }, after: { version: 1, characters: 17 } }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('latex');
  });

  it('reaches staff who can see the client live, and nobody else', async () => {
    const [priya, owner, sofia] = [await t.connectStaff('priya'), await t.connectStaff('owner'), await t.connectStaff('sofia')];
    t.addMember({ name: 'Sam Desk', email: 'sam@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.shoreditch] });
    const sam = await t.connectStaff({ email: 'sam@lumen.example' });
    const samSaw = recordPushes(sam, 'clientNote:updated');
    const pushed = [nextPush<ClientNote>(owner, 'clientNote:updated'), nextPush<ClientNote>(sofia, 'clientNote:updated')];
    const saved = data(await save(priya, 'Prefers mornings', 0));
    expect(await Promise.all(pushed)).toEqual([saved, saved]);
    await flush(sam);
    expect(samSaw).toEqual([]);
  });

  it('too long, or by a member who may only read, is refused and changes nothing', async () => {
    const [priya, sofia] = [await t.connectStaff('priya'), await t.connectStaff('sofia')];
    const before = t.fingerprint();
    expect(await save(priya, 'x'.repeat(2001), 0)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await save(sofia, 'From a stylist', 0)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(priya, 'clientNote:update', { conversationId: ava, text: 'x', expectedVersion: -1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });
});
