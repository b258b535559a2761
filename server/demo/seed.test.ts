// The demo salon: the sign-ins the README and e2e specs use, appointments inside salon hours,
// and a sent photo that is a real PNG.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { sniffContentType } from '../attachments/fileType';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { createRepositories, type Repositories } from '../repositories';
import { DEMO_LOGINS } from './demoData';
import { salonSlot } from './salonHours';
import { seedDemo, type DemoIds } from './seed';

const HOUR = 60 * 60 * 1000;
let db: Database;
let repos: Repositories;
let ids: DemoIds;
const now = new Date(2026, 2, 2, 23, 13).getTime(); // a late-night first start, local time

beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
  repos = createRepositories(db);
  ids = seedDemo(repos, now);
});
afterEach(() => db.close());

describe('demo seed', () => {
  it('keeps the documented sign-ins', () => {
    expect(DEMO_LOGINS.map((login) => login.email)).toEqual([
      'olivia@lumen.example', 'priya@lumen.example', 'marcus@lumen.example', 'sofia@lumen.example', 'tom@lumen.example',
    ]);
    expect(new Set(DEMO_LOGINS.map((login) => login.password))).toEqual(new Set(['lumen-demo']));
  });

  it('puts the owner in no group and everyone else in theirs', () => {
    const team = repos.team.list();
    expect(team.find((member) => member.role === 'owner')).toMatchObject({ name: 'Olivia Bennett', groupId: null });
    expect(team.filter((member) => member.role === 'member').every((member) => member.groupId !== null)).toBe(true);
  });

  it('books every appointment on the hour or half hour between 9:00 and 17:30, upcoming ones in the future', () => {
    const appointments = Object.values(ids.clients).flatMap((clientId) => repos.appointments.listForClient(clientId, now));
    expect(appointments.length).toBeGreaterThan(0);
    for (const appointment of appointments) {
      const start = new Date(appointment.startsAt);
      const minutes = start.getHours() * 60 + start.getMinutes();
      expect(minutes % 30, appointment.service).toBe(0);
      expect(minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(minutes).toBeLessThanOrEqual(17 * 60 + 30);
      if (appointment.status !== 'completed') expect(appointment.startsAt).toBeGreaterThan(now);
    }
  });

  it('has Mia send a photo that is a real PNG', () => {
    const { items } = repos.messages.page(ids.conversations.mia!, null, 10);
    const [photo] = items.flatMap((message) => message.attachments);
    expect(photo).toMatchObject({ name: 'colour-inspiration.png', contentType: 'image/png' });
    expect(sniffContentType(repos.attachments.contents(photo!.id)!)).toBe('image/png');
  });
});

describe('salonSlot', () => {
  const at = (hours: number, minutes = 0) => new Date(2026, 2, 2, hours, minutes).getTime();
  const local = (time: number) => {
    const date = new Date(time);
    return `${date.getDate()} ${date.getHours()}:${String(date.getMinutes()).padStart(2, '0')}`;
  };

  it.each([
    ['10:05 + 2 h rounds up to the next half hour', at(10, 5), 2 * HOUR, '2 12:30'],
    ['15:00 + 6 h is after the last start: 17:30', at(15, 0), 6 * HOUR, '2 17:30'],
    ['17:45 + 6 h would be in the past at 17:30: next morning', at(17, 45), 6 * HOUR, '3 9:00'],
    ['23:13 + 6 h is before opening: 9:00', at(23, 13), 6 * HOUR, '3 9:00'],
    ['01:13 + 26 h is before opening: 9:00', at(1, 13), 26 * HOUR, '3 9:00'],
    ['a week ago stays a week ago, at opening time', at(9, 0), -7 * 24 * HOUR, '23 9:00'],
  ])('%s', (_label, from, offset, expected) => {
    expect(local(salonSlot(from, offset))).toBe(expected);
  });
});
