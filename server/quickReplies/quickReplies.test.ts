// Quick replies against a real server: the library is managed by members who may manage
// settings and audited; a reply with a name in braces that is not a placeholder is refused and
// nothing is stored; a reply limited to locations is offered (and its changes pushed) only there;
// replies are filled in with the conversation's details, dates and times on the location's clock,
// and a value the conversation lacks is left as its placeholder and listed.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuickReplyDraft } from '../../shared/quickReplyEvents';
import { QUICK_REPLIES_MAX } from '../../shared/quickReplyEvents';
import { ask, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let manager: Socket;
beforeEach(async () => {
  t = await startTestServer();
  t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [t.demo.locations.soho] });
  manager = await t.connectStaff({ email: 'maya@lumen.example' });
});
afterEach(() => t.close());

const draft = (extra: Partial<QuickReplyDraft> = {}): QuickReplyDraft => ({
  title: 'Appointment reminder',
  text: 'Hi {client.firstName}, see you {appointment.date} at {appointment.time} for your {appointment.service}. {member.firstName}, {location.name}',
  locationIds: [],
  ...extra,
});
const listIn = async (socket: Socket, conversationId: number) => data(await ask(socket, 'quickReply:list', { conversationId })).items;
const auditActions = () => t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'quickReply.%' ORDER BY id").pluck().all();

describe('the library', () => {
  it('is created, edited and deleted by a manager, each change audited and pushed to open composers', async () => {
    const priya = await t.connectStaff('priya');
    const created = data(await ask(manager, 'quickReply:create', { reply: draft() }));
    expect(created).toMatchObject({ title: 'Appointment reminder', locationIds: [], version: 1 });
    await expect(nextPush(priya, 'quickReplies:changed')).resolves.toEqual({});

    const edited = data(await ask(manager, 'quickReply:update', { id: created.id, reply: draft({ title: 'Reminder' }), baseVersion: 1 }));
    expect(edited).toMatchObject({ id: created.id, title: 'Reminder', version: 2 });
    expect(data(await ask(manager, 'quickReply:library', {})).items).toEqual([edited]);

    data(await ask(manager, 'quickReply:delete', { id: created.id }));
    expect(data(await ask(manager, 'quickReply:library', {})).items).toEqual([]);
    expect(auditActions()).toEqual(['quickReply.create', 'quickReply.update', 'quickReply.delete']);
    const entry = data(await ask(await t.connectStaff('owner'), 'audit:list', {})).items[1]!;
    expect(entry).toMatchObject({ actor: { name: 'Maya Manager' }, subject: 'Quick reply “Reminder”', before: { title: 'Appointment reminder', locations: 'All locations' }, after: { title: 'Reminder' } });
  });

  it('refuses a stale edit with the current reply, and saves nothing for an edit that changes nothing', async () => {
    const created = data(await ask(manager, 'quickReply:create', { reply: draft() }));
    data(await ask(manager, 'quickReply:update', { id: created.id, reply: draft({ title: 'Newer' }), baseVersion: 1 }));
    const before = t.fingerprint();
    expect(await ask(manager, 'quickReply:update', { id: created.id, reply: draft({ title: 'Older' }), baseVersion: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { title: 'Newer', version: 2 } },
    });
    expect(data(await ask(manager, 'quickReply:update', { id: created.id, reply: draft({ title: 'Newer' }), baseVersion: 2 }))).toMatchObject({ version: 2 });
    expect(t.fingerprint()).toEqual(before);
  });

  it('is managed only by members who may manage settings, and offered only to members who may reply', async () => {
    const created = data(await ask(manager, 'quickReply:create', { reply: draft() }));
    const priya = await t.connectStaff('priya');
    const sofia = await t.connectStaff('sofia');
    const before = t.fingerprint();
    for (const [socket, event, payload] of [
      [priya, 'quickReply:create', { reply: draft() }],
      [priya, 'quickReply:update', { id: created.id, reply: draft({ title: 'Mine now' }), baseVersion: 1 }],
      [priya, 'quickReply:delete', { id: created.id }],
      [priya, 'quickReply:library', {}],
      [sofia, 'quickReply:list', { conversationId: t.demo.conversations.ava! }],
    ] as const) {
      expect(await ask(socket, event, payload), event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(t.fingerprint()).toEqual(before);
    expect((await listIn(priya, t.demo.conversations.ava!)).map((reply) => reply.id)).toEqual([created.id]);
  });

  it('refuses an unknown placeholder, naming it, and stores nothing', async () => {
    const created = data(await ask(manager, 'quickReply:create', { reply: draft() }));
    const before = t.fingerprint();
    const refused = await ask(manager, 'quickReply:create', { reply: draft({ text: 'Hi {client.firstname}, {client.firstName} {booking.date}' }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const [detail] = (refused as { error: { details: { path: string; message: string }[] } }).error.details;
    expect(detail).toEqual({ path: 'reply.text', message: expect.stringMatching(/^Unknown placeholders \{client\.firstname\}, \{booking\.date\}\. Placeholders you can use: \{client\.firstName\}/) });
    expect(await ask(manager, 'quickReply:update', { id: created.id, reply: draft({ text: 'See you {appointment.day}' }), baseVersion: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', details: [{ path: 'reply.text', message: expect.stringContaining('{appointment.day}') }] },
    });
    expect(t.fingerprint()).toEqual(before);
  });

  it('refuses locations that are not the workspace\'s, and reports every problem of a reply at once', async () => {
    const before = t.fingerprint();
    expect(await ask(manager, 'quickReply:create', { reply: draft({ locationIds: [t.demo.locations.soho, 987_654] }) })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', details: [{ path: 'reply.locationIds', message: 'Choose locations of this workspace.' }] },
    });
    const all = await ask(manager, 'quickReply:create', { reply: { title: ' ', text: '{nope}', locationIds: [1, 1] } });
    const paths = (all as { error: { details: { path: string }[] } }).error.details.map((issue) => issue.path);
    expect(paths.sort()).toEqual(['reply.locationIds', 'reply.text', 'reply.title']);
    expect(t.fingerprint()).toEqual(before);
  });

  it(`holds at most ${QUICK_REPLIES_MAX} replies, also when the last places are asked for all at once`, async () => {
    for (let i = 1; i < QUICK_REPLIES_MAX; i++) t.repos.quickReplies.create(draft({ title: `Reply ${i}` }), t.clock.now());
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => ask(manager, 'quickReply:create', { reply: draft({ title: `Racing ${i}` }) })));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.error.code)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    expect(t.repos.quickReplies.count()).toBe(QUICK_REPLIES_MAX);
  });
});

describe('locations', () => {
  it('offers a reply limited to locations only in their conversations, and tells only their staff of a change', async () => {
    const owner = await t.connectStaff('owner');
    const priya = await t.connectStaff('priya'); // Soho only
    const heardByPriya = recordPushes(priya, 'quickReplies:changed');
    data(await ask(owner, 'quickReply:create', { reply: draft({ title: 'B everywhere' }) }));
    const shoreditchOnly = data(await ask(owner, 'quickReply:create', { reply: draft({ title: 'A Shoreditch', locationIds: [t.demo.locations.shoreditch] }) }));
    data(await ask(owner, 'quickReply:create', { reply: draft({ title: 'C Soho', locationIds: [t.demo.locations.soho] }) }));
    await flush(priya);
    expect(heardByPriya).toHaveLength(2); // everywhere and Soho, not Shoreditch

    const titles = async (conversationId: number) => (await listIn(owner, conversationId)).map((reply) => reply.title);
    expect(await titles(t.demo.conversations.ava!)).toEqual(['B everywhere', 'C Soho']); // Soho
    expect(await titles(t.demo.conversations.mia!)).toEqual(['A Shoreditch', 'B everywhere']); // Shoreditch
    // A Shoreditch conversation answers Priya as a missing one.
    expect(await ask(priya, 'quickReply:list', { conversationId: t.demo.conversations.mia! })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Moving a reply from Shoreditch to Soho concerns Soho now: Priya hears of it.
    data(await ask(owner, 'quickReply:update', { id: shoreditchOnly.id, reply: draft({ title: 'A Shoreditch', locationIds: [t.demo.locations.soho] }), baseVersion: 1 }));
    await flush(priya);
    expect(heardByPriya).toHaveLength(3);
  });
});

describe('filling a reply in for a conversation', () => {
  const setAvaAppointment = (startsAt: number, status = 'confirmed') =>
    t.db.prepare('UPDATE appointments SET starts_at = ?, status = ? WHERE id = ?').run(startsAt, status, t.demo.appointments.ava[0]);

  it('fills every placeholder from the conversation, with the date and time on the location\'s clock', async () => {
    data(await ask(manager, 'quickReply:create', { reply: draft() }));
    // Tuesday 3 March 2026, 23:30 in London (UTC then): already Wednesday morning in Tokyo.
    setAvaAppointment(Date.UTC(2026, 2, 3, 23, 30));
    const [london] = await listIn(manager, t.demo.conversations.ava!);
    expect(london).toMatchObject({
      text: 'Hi Ava, see you Tuesday 3 March at 23:30 for your Cut & blow-dry. Maya, Lumen Soho',
      missing: [],
    });
    t.repos.workspace.setLocationTimeZone(t.demo.locations.soho, 'Asia/Tokyo');
    const [tokyo] = await listIn(manager, t.demo.conversations.ava!);
    expect(tokyo!.text).toBe('Hi Ava, see you Wednesday 4 March at 08:30 for your Cut & blow-dry. Maya, Lumen Soho');
  });

  it('leaves the appointment\'s placeholders and lists them when the client has no upcoming appointment there', async () => {
    data(await ask(manager, 'quickReply:create', { reply: draft({ text: 'Hi {client.name}: {appointment.date} {appointment.time} with {appointment.staff}' }) }));
    for (const [startsAt, status] of [
      [t.clock.now() - 60_000, 'confirmed'], // already started
      [t.clock.now() + 86_400_000, 'cancelled'],
    ] as const) {
      setAvaAppointment(startsAt, status);
      const [reply] = await listIn(manager, t.demo.conversations.ava!);
      expect(reply).toMatchObject({
        text: 'Hi Ava Thompson: {appointment.date} {appointment.time} with {appointment.staff}',
        missing: ['appointment.date', 'appointment.time', 'appointment.staff'],
      });
    }
  });

  it('lists a stylist the appointment does not name as missing, and fills the rest', async () => {
    data(await ask(manager, 'quickReply:create', { reply: draft({ text: '{appointment.service} with {appointment.staff}' }) }));
    t.db.prepare('UPDATE appointments SET staff_member_id = NULL WHERE id = ?').run(t.demo.appointments.ava[0]);
    const [reply] = await listIn(manager, t.demo.conversations.ava!);
    expect(reply).toMatchObject({ text: 'Cut & blow-dry with {appointment.staff}', missing: ['appointment.staff'] });
  });
});
