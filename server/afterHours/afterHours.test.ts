// The after-hours reply against a real server: sent through the normal send path when a client
// writes while the location is closed (on its own wall clock: two zones, a daylight-saving
// change, a closed date), at most once per conversation in 12 hours (across a restart too),
// committed with the client's message or not at all, never while Client Connect is off, and
// marked automatic for staff only. A fresh server per test: each one changes conversations.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import type { LocationHours, OpeningHours } from '../../shared/openingHours';
import { createServer } from '../app';
import { closeDatabase, openDatabase } from '../db/open';
import { createMemoryLogger } from '../log';
import { createRepositories } from '../repositories';
import { ask, askClient, connectSocket, data, flush, recordPushes, startTestServer, testConfig, type TestServer } from '../testing/testServer';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { replyIdFor } from './afterHours';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const HOUR = 60 * 60 * 1000;
const REPLY = 'Thanks for your message! We are closed right now and will answer when we open.';
const nineToFive = [{ opens: '09:00', closes: '17:00' }];
const EVERY_DAY: OpeningHours = { weekly: Array.from({ length: 7 }, () => nineToFive), closedDates: [] };

async function saveHours(locationId: number, hours: OpeningHours, reply = { enabled: true, text: REPLY }) {
  const owner = await t.connectStaff('owner');
  const current = data(await ask(owner, 'openingHours:list', {})).locations.find((location) => location.locationId === locationId)!;
  const settings: LocationHours = { hours, reply };
  return data(await ask(owner, 'openingHours:update', { locationId, settings, baseVersion: current.version }));
}

const setClock = (at: number) => t.clock.advance(at - t.clock.now());

async function clientWrites(who: 'ava' | 'mia', text = 'Hello?', page?: Socket, senderMessageId = randomUUID()) {
  const socket = page ?? (await t.connectClient(t.demo.clients[who]));
  return askClient(socket, 'message:send', { appointmentId: t.demo.appointments[who][0]!, senderMessageId, text });
}

const latest = (who: 'ava' | 'mia', count = 2): Message[] => t.repos.messages.page(t.demo.conversations[who]!, null, count).items;
const automaticIn = (who: 'ava' | 'mia') => latest(who, 50).filter((message) => message.automatic);

describe('after-hours reply', () => {
  it('answers a client who writes outside the hours, marked automatic for staff and plain for the client', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 19, 30)); // Monday 19:30 in London (GMT)
    const staff = await t.connectStaff('priya');
    const staffSeen = recordPushes<{ message: Message }>(staff, 'message:created');
    const page = await t.connectClient(t.demo.clients.ava);
    const clientSeen = recordPushes<{ message: Message }>(page, 'message:created');

    const sent = data(await clientWrites('ava', 'Can I move my appointment?', page));
    await flush(staff);
    await flush(page, 'client');

    const [clientMessage, reply] = latest('ava');
    expect(clientMessage).toMatchObject({ id: sent.id, author: { kind: 'client' } });
    expect(reply).toMatchObject({ text: REPLY, automatic: true, author: { kind: 'staff', memberId: t.demo.members.owner }, createdAt: sent.createdAt });
    expect(staffSeen.map((push) => push.message.id)).toEqual([sent.id, reply!.id]);
    expect(staffSeen[1]!.message.automatic).toBe(true);
    // The client that wrote hears of the reply by push; it carries no "automatic" mark.
    expect(clientSeen.map((push) => push.message.id)).toEqual([reply!.id]);
    expect(clientSeen[0]!.message).not.toHaveProperty('automatic');
    const history = data(await askClient(page, 'message:list', { conversationId: t.demo.conversations.ava! }));
    expect(history.items.at(-1)).toEqual(expect.objectContaining({ id: reply!.id, text: REPLY }));
    expect(history.items.at(-1)).not.toHaveProperty('automatic');
    expect(reply!.senderMessageId).toBe(replyIdFor(sent.id));
  });

  it('goes out like any reply: by email and text as the client chose', async () => {
    t.db.prepare('UPDATE clients SET email_notifications = 1, sms_notifications = 0 WHERE id = ?').run(t.demo.clients.ava);
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 19, 30));
    data(await clientWrites('ava'));
    const [reply] = automaticIn('ava');
    const channels = t.db.prepare('SELECT channel, address FROM deliveries WHERE message_id = ?').all(reply!.id);
    expect(channels).toEqual([{ channel: 'email', address: 'ava@example.com' }]);
  });

  it('sends nothing inside the hours, and nothing while the reply is off (its default)', async () => {
    setClock(Date.UTC(2026, 2, 2, 22, 0));
    data(await clientWrites('ava', 'Nobody set any hours yet'));
    expect(automaticIn('ava')).toEqual([]);

    await saveHours(t.demo.locations.soho, EVERY_DAY, { enabled: false, text: REPLY });
    data(await clientWrites('ava', 'Reply switched off'));
    expect(automaticIn('ava')).toEqual([]);

    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 3, 10, 0)); // Tuesday 10:00 in London: open
    data(await clientWrites('ava', 'During the day'));
    setClock(Date.UTC(2026, 2, 3, 16, 59)); // the last minute before closing
    data(await clientWrites('ava', 'Just before five'));
    expect(automaticIn('ava')).toEqual([]);
    setClock(Date.UTC(2026, 2, 3, 17, 0)); // closing time itself is closed
    data(await clientWrites('ava', 'At five'));
    expect(automaticIn('ava')).toHaveLength(1);
  });

  it('reads the hours on each location\'s own clock: London and New York at the same instant', async () => {
    t.repos.workspace.setLocationTimeZone(t.demo.locations.shoreditch, 'America/New_York');
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    await saveHours(t.demo.locations.shoreditch, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 13, 30)); // 13:30 in London, 08:30 in New York
    data(await clientWrites('ava'));
    data(await clientWrites('mia'));
    expect(automaticIn('ava')).toEqual([]);
    expect(automaticIn('mia')).toHaveLength(1);

    setClock(Date.UTC(2026, 2, 3, 18, 0)); // Tuesday 18:00 in London, 13:00 in New York
    data(await clientWrites('ava'));
    data(await clientWrites('mia'));
    expect(automaticIn('ava')).toHaveLength(1);
    expect(automaticIn('mia')).toHaveLength(1);
  });

  it('keeps the wall clock across a daylight-saving change: 08:30 UTC is closed on Saturday, open on Sunday', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    // Saturday 28 March 2026, 08:30 GMT: before nine.
    setClock(Date.UTC(2026, 2, 28, 8, 30));
    data(await clientWrites('ava'));
    expect(automaticIn('ava')).toHaveLength(1);
    // Sunday 29 March: clocks went forward at 01:00 UTC, so 08:30 UTC is 09:30 BST — open,
    // and more than 12 hours after the first reply.
    setClock(Date.UTC(2026, 2, 29, 8, 30));
    data(await clientWrites('ava'));
    expect(automaticIn('ava')).toHaveLength(1);
    // 16:30 UTC that day is 17:30 BST: closed.
    setClock(Date.UTC(2026, 2, 29, 16, 30));
    data(await clientWrites('ava'));
    expect(automaticIn('ava')).toHaveLength(2);
  });

  it('treats a closed date as closed all day, in the location\'s zone', async () => {
    await saveHours(t.demo.locations.soho, { ...EVERY_DAY, closedDates: ['2026-03-03'] });
    setClock(Date.UTC(2026, 2, 3, 11, 0)); // Tuesday 3 March, 11:00: normally open
    data(await clientWrites('ava'));
    expect(automaticIn('ava')).toHaveLength(1);
    setClock(Date.UTC(2026, 2, 4, 11, 0)); // the next day is an ordinary one
    data(await clientWrites('ava'));
    expect(automaticIn('ava')).toHaveLength(1);
  });

  it('answers a conversation at most once in 12 hours', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 18, 0));
    data(await clientWrites('ava', 'First'));
    t.clock.advance(HOUR);
    data(await clientWrites('ava', 'Second'));
    t.clock.advance(11 * HOUR - 1); // 05:59 next morning: 1 ms short of 12 hours
    data(await clientWrites('ava', 'Third'));
    expect(automaticIn('ava')).toHaveLength(1);
    t.clock.advance(1);
    data(await clientWrites('ava', 'Fourth'));
    expect(automaticIn('ava')).toHaveLength(2);
  });

  it('keeps the 12 hours across a restart on the same database file, and a retried message brings no second reply', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 20, 0));
    const firstId = randomUUID();
    const first = data(await clientWrites('ava', 'Before the restart', undefined, firstId));
    expect(automaticIn('ava')).toHaveLength(1);

    await t.server.close();
    const db = openDatabase(testConfig(t.dir).databaseFile);
    const restarted = createServer({ db, clock: t.clock, config: testConfig(t.dir), log: createMemoryLogger() });
    try {
      const url = await restarted.listen();
      const token = t.issueClientToken(t.demo.clients.ava);
      const page = await connectSocket(url, { token }, CLIENT_NAMESPACE);
      t.clock.advance(HOUR);
      // The client's app retries its message after the restart: the same message, no new reply.
      expect(data(await clientWrites('ava', 'Before the restart', page, firstId)).id).toBe(first.id);
      data(await clientWrites('ava', 'After the restart', page));
      const repos = createRepositories(db);
      expect(repos.messages.page(t.demo.conversations.ava!, null, 50).items.filter((message) => message.automatic)).toHaveLength(1);
      t.clock.advance(11 * HOUR);
      data(await clientWrites('ava', 'Next morning, early', page));
      expect(repos.messages.page(t.demo.conversations.ava!, null, 50).items.filter((message) => message.automatic)).toHaveLength(2);
      page.close();
    } finally {
      await restarted.close();
      closeDatabase(db);
    }
  });

  it('stores the reply with the client\'s message or neither: a failed reply leaves nothing, and the retry stores both once', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 21, 0));
    const before = latest('ava', 50).length;
    // A failure between storing the client's message and its reply (as a crash would be).
    t.db.exec(`CREATE TEMP TRIGGER fail_automatic BEFORE INSERT ON messages WHEN new.automatic = 1
               BEGIN SELECT RAISE(ABORT, 'the reply could not be stored'); END`);
    const senderMessageId = randomUUID();
    const page = await t.connectClient(t.demo.clients.ava);
    const failed = await clientWrites('ava', 'Anyone there?', page, senderMessageId);
    expect(failed.ok).toBe(false);
    expect(latest('ava', 50)).toHaveLength(before);
    expect(t.repos.afterHours.lastReplyAt(t.demo.conversations.ava!)).toBeNull();

    t.db.exec('DROP TRIGGER fail_automatic');
    data(await clientWrites('ava', 'Anyone there?', page, senderMessageId));
    data(await clientWrites('ava', 'Anyone there?', page, senderMessageId));
    expect(latest('ava', 50)).toHaveLength(before + 2);
    expect(automaticIn('ava')).toHaveLength(1);
  });

  it('sends nothing while Client Connect is off, and nothing is owed once it is back on', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 22, 0));
    const settings = t.repos.workspace.settings();
    t.repos.workspace.saveSettings({ ...settings, enabled: false });
    const refused = await clientWrites('ava');
    expect(refused).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    t.repos.workspace.saveSettings(settings);
    const staff = await t.connectStaff('priya');
    const seen = recordPushes(staff, 'message:created');
    await flush(staff);
    expect(seen).toEqual([]);
    expect(automaticIn('ava')).toEqual([]);
    expect(t.repos.afterHours.lastReplyAt(t.demo.conversations.ava!)).toBeNull();
  });

  it('sends nothing in the name of an author who has since been deactivated', async () => {
    // Set by a manager of Soho, who then leaves.
    const mayaId = t.addMember({ name: 'Maya Manager', email: 'maya@lumen.example', groupId: t.demo.groups.managers, locationIds: [t.demo.locations.soho] });
    const maya = await t.connectStaff({ email: 'maya@lumen.example' });
    const soho = data(await ask(maya, 'openingHours:list', {})).locations[0]!;
    data(await ask(maya, 'openingHours:update', { locationId: soho.locationId, settings: { hours: EVERY_DAY, reply: { enabled: true, text: REPLY } }, baseVersion: soho.version }));
    data(await ask(await t.connectStaff('owner'), 'member:deactivate', { memberId: mayaId }));
    setClock(Date.UTC(2026, 2, 3, 22, 0)); // Tuesday 22:00 in London: closed
    data(await clientWrites('ava', 'Anyone there?'));
    expect(automaticIn('ava')).toEqual([]);
  });

  it('never answers a staff message', async () => {
    await saveHours(t.demo.locations.soho, EVERY_DAY);
    setClock(Date.UTC(2026, 2, 2, 22, 0));
    const priya = await t.connectStaff('priya');
    data(await ask(priya, 'message:send', { conversationId: t.demo.conversations.ava!, senderMessageId: randomUUID(), text: 'Late reply from us' }));
    expect(automaticIn('ava')).toEqual([]);
  });
});
