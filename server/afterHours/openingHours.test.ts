// Managers' requests for opening hours and the after-hours reply: who may read and save them,
// only at their own locations, every form error in one answer, a stale save refused, and a
// refused request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { LocationHours } from '../../shared/openingHours';
import { ask, data, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let owner: Socket;
let manager: Socket;
let priya: Socket;
let mayaId: number;
beforeAll(async () => {
  t = await startTestServer();
  mayaId = t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [t.demo.locations.soho] });
  [owner, manager, priya] = [await t.connectStaff('owner'), await t.connectStaff({ email: 'maya@lumen.example' }), await t.connectStaff('priya')];
});
afterAll(() => t.close());

const tuesdayToSaturday: LocationHours = {
  hours: { weekly: [[], ...Array.from({ length: 5 }, () => [{ opens: '09:00', closes: '13:00' }, { opens: '14:00', closes: '19:30' }]), []], closedDates: ['2026-12-25'] },
  reply: { enabled: true, text: 'We are closed now and will answer in the morning.' },
};
const versionOf = (locationId: number) => t.repos.afterHours.find(locationId).version;

describe('opening hours requests', () => {
  it('lists the manager\'s own locations, closed all week with the reply off until saved', async () => {
    const listed = data(await ask(manager, 'openingHours:list', {})).locations;
    expect(listed).toEqual([
      {
        locationId: t.demo.locations.soho,
        locationName: 'Lumen Soho',
        timeZone: 'Europe/London',
        settings: { hours: { weekly: [[], [], [], [], [], [], []], closedDates: [] }, reply: { enabled: false, text: '' } },
        version: 0,
        updatedAt: 0,
      },
    ]);
    expect(data(await ask(owner, 'openingHours:list', {})).locations.map((location) => location.locationName)).toEqual(['Lumen Shoreditch', 'Lumen Soho']);
  });

  it('saves a location\'s hours with several ranges a day, audited, and sends its reply as the manager who saved it', async () => {
    const saved = data(await ask(manager, 'openingHours:update', { locationId: t.demo.locations.soho, settings: tuesdayToSaturday, baseVersion: versionOf(t.demo.locations.soho) }));
    expect(saved).toMatchObject({ settings: tuesdayToSaturday, version: 1, updatedAt: t.clock.now() });
    expect(t.repos.afterHours.find(t.demo.locations.soho).replyAuthorId).toBe(mayaId);
    const audited = t.db.prepare('SELECT actor_name, subject FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audited).toEqual({ actor_name: 'Maya Manager', subject: 'Opening hours and after-hours reply of Lumen Soho' });
    // Saving the same again changes nothing.
    expect(data(await ask(manager, 'openingHours:update', { locationId: t.demo.locations.soho, settings: tuesdayToSaturday, baseVersion: 1 })).version).toBe(1);
  });

  it('refuses a location the manager does not work at as if it did not exist, and members without settings', async () => {
    const before = t.fingerprint();
    const payload = { locationId: t.demo.locations.shoreditch, settings: tuesdayToSaturday, baseVersion: 0 };
    expect(await ask(manager, 'openingHours:update', payload)).toMatchObject({ ok: false, error: { code: 'not_found', message: 'This location does not exist.' } });
    expect(await ask(manager, 'openingHours:update', { ...payload, locationId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'This location does not exist.' } });
    expect(await ask(priya, 'openingHours:update', { ...payload, locationId: t.demo.locations.soho })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(priya, 'openingHours:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('answers every form error at once and changes nothing', async () => {
    const before = t.fingerprint();
    const broken = {
      hours: {
        weekly: [[{ opens: '18:00', closes: '09:00' }], [{ opens: '9am', closes: '17:00' }], [{ opens: '09:00', closes: '13:00' }, { opens: '12:00', closes: '17:00' }], [], [], [], []],
        closedDates: ['2026-02-30', '2026-12-25', '2026-12-25'],
      },
      reply: { enabled: true, text: '   ' },
    };
    const answer = await ask(owner, 'openingHours:update', { locationId: t.demo.locations.shoreditch, settings: broken, baseVersion: 0 });
    expect(answer.ok).toBe(false);
    const paths = !answer.ok ? (answer.error.details as { path: string }[]).map((detail) => detail.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['settings.hours.weekly.0.0.closes', 'settings.hours.weekly.1.0.opens', 'settings.hours.weekly.2', 'settings.hours.closedDates.0', 'settings.reply.text']));
    expect(t.fingerprint()).toEqual(before);
  });

  it('refuses a save based on an older version, with the current settings', async () => {
    const shoreditch = t.demo.locations.shoreditch;
    data(await ask(owner, 'openingHours:update', { locationId: shoreditch, settings: tuesdayToSaturday, baseVersion: versionOf(shoreditch) }));
    const before = t.fingerprint();
    const stale = await ask(owner, 'openingHours:update', { locationId: shoreditch, settings: { ...tuesdayToSaturday, reply: { enabled: false, text: '' } }, baseVersion: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { version: 1, settings: tuesdayToSaturday } } });
    expect(t.fingerprint()).toEqual(before);
  });
});

describe('the automatic reply is sent in the name of a member who may reply', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('needs Reply to turn it on or change it; the hours alone may be changed by any manager, keeping its author', async () => {
    const settingsOnly = s.repos.groups.create({ name: 'Office', grants: { accessChats: true, replyChats: false, manageSettings: true, manageTeam: false } })!;
    s.addMember({ name: 'Ola Office', email: 'ola@lumen.example', groupId: settingsOnly.id, locationIds: [s.demo.locations.soho] });
    const ola = await s.connectStaff({ email: 'ola@lumen.example' });
    const soho = s.demo.locations.soho;
    const version = () => s.repos.afterHours.find(soho).version;

    const before = s.fingerprint();
    const refused = await ask(ola, 'openingHours:update', { locationId: soho, settings: tuesdayToSaturday, baseVersion: version() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/may reply to clients/) } });
    expect(s.fingerprint()).toEqual(before);

    // The owner turns it on; the office changes only the hours: the owner stays its author.
    data(await ask(await s.connectStaff('owner'), 'openingHours:update', { locationId: soho, settings: tuesdayToSaturday, baseVersion: version() }));
    const earlier = { ...tuesdayToSaturday, hours: { ...tuesdayToSaturday.hours, closedDates: ['2026-12-24', '2026-12-25'] } };
    expect(data(await ask(ola, 'openingHours:update', { locationId: soho, settings: earlier, baseVersion: version() })).settings).toEqual(earlier);
    expect(s.repos.afterHours.find(soho).replyAuthorId).toBe(s.demo.members.owner);
    // Changing the reply's text is the author's call again.
    const reworded = { ...earlier, reply: { enabled: true, text: 'Closed now: we answer from 9:00.' } };
    expect(await ask(ola, 'openingHours:update', { locationId: soho, settings: reworded, baseVersion: version() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
