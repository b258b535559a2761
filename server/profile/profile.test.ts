// A member's notification preferences (R10): saved on the server, versioned, and pushed live to
// every device the member is signed in on — and to nobody else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationPrefsState } from '../../shared/profile';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';
import { ask, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const quieter = { ...DEFAULT_NOTIFICATION_PREFS, sound: false, showPreview: false, quietHours: { start: 22 * 60, end: 7 * 60 } };

describe('notification preferences', () => {
  it('start as the defaults at version 0', async () => {
    const desk = await t.connectStaff('priya');
    expect(data(await ask(desk, 'profile:get', {}))).toEqual({ prefs: DEFAULT_NOTIFICATION_PREFS, version: 0, updatedAt: 0 });
  });

  it('saved on one device reach the member\'s other signed-in device live, and no one else', async () => {
    // Two separate sign-ins: a reception computer and a laptop.
    const reception = await t.connectStaff('marcus');
    const laptop = await t.connectStaff('marcus');
    const colleague = await t.connectStaff('priya');
    const colleagueSaw = recordPushes(colleague, 'profile:updated');
    const onLaptop = nextPush<NotificationPrefsState>(laptop, 'profile:updated');

    const prefs = { ...quieter, mutedLocationIds: [t.demo.locations.shoreditch] };
    const saved = data(await ask(reception, 'profile:update', { prefs, baseVersion: 0 }));
    expect(saved).toEqual({ prefs, version: 1, updatedAt: t.clock.now() });
    expect(await onLaptop).toEqual(saved);
    expect(data(await ask(laptop, 'profile:get', {}))).toEqual(saved);

    // A device signed in later gets them from the server too.
    const later = await t.connectStaff('marcus');
    expect(data(await ask(later, 'profile:get', {}))).toEqual(saved);
    await flush(colleague);
    expect(colleagueSaw).toEqual([]);
    expect(data(await ask(colleague, 'profile:get', {})).version).toBe(0);
  });

  it('keep every preference saved, the reminder interval and mentions included', async () => {
    const desk = await t.connectStaff('priya');
    const prefs = { ...DEFAULT_NOTIFICATION_PREFS, mentions: false, reminderMinutes: 10 as const };
    expect(data(await ask(desk, 'profile:update', { prefs, baseVersion: 0 })).prefs).toEqual(prefs);
    expect(data(await ask(desk, 'profile:get', {})).prefs).toEqual(prefs);
    // Back to no reminders: the interval goes, the rest stays.
    const without = { ...DEFAULT_NOTIFICATION_PREFS, mentions: false };
    expect(data(await ask(desk, 'profile:update', { prefs: without, baseVersion: 1 })).prefs).toEqual(without);
    expect(data(await ask(desk, 'profile:get', {})).prefs).toEqual(without);
  });

  it('refuses a save based on an older version, changing nothing', async () => {
    const reception = await t.connectStaff('marcus');
    const laptop = await t.connectStaff('marcus');
    data(await ask(reception, 'profile:update', { prefs: quieter, baseVersion: 0 }));
    const before = t.fingerprint();
    const stale = await ask(laptop, 'profile:update', { prefs: DEFAULT_NOTIFICATION_PREFS, baseVersion: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { prefs: quieter, version: 1 } } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('accepts only the member\'s own locations and well-formed quiet hours', async () => {
    const priya = await t.connectStaff('priya'); // Soho only
    const before = t.fingerprint();
    const foreign = await ask(priya, 'profile:update', {
      prefs: { ...DEFAULT_NOTIFICATION_PREFS, mutedLocationIds: [t.demo.locations.shoreditch] },
      baseVersion: 0,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'bad_request', details: [{ path: 'prefs.mutedLocationIds' }] } });
    for (const quietHours of [{ start: 60, end: 60 }, { start: -1, end: 60 }, { start: 0, end: 1440 }, '22:00']) {
      const bad = await ask(priya, 'profile:update', { prefs: { ...DEFAULT_NOTIFICATION_PREFS, quietHours }, baseVersion: 0 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(t.fingerprint()).toEqual(before);
  });

  it('are open to members without chat access too (their own profile)', async () => {
    const tom = await t.connectStaff('tom');
    const saved = data(await ask(tom, 'profile:update', { prefs: { ...DEFAULT_NOTIFICATION_PREFS, desktop: false }, baseVersion: 0 }));
    expect(saved.prefs.desktop).toBe(false);
  });
});
