// The team inbox against the real server: each member's own unread state and who may tell the
// client "Read", status, snooze (across a restart), assignment, send-and-done, the views and
// their counts, changes decided on a stale version, and staff-only events that never reach a
// client connection. A fresh server per test: each one changes conversations' state.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationEvent, InboxView } from '../../shared/triageEvents';
import { createServer } from '../app';
import { createMemoryLogger } from '../log';
import { ask, askClient, data, flush, nextPush, recordPushes, startTestServer, testConfig, type TestServer } from '../testing/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const HOUR = 60 * 60 * 1000;
const ava = () => t.demo.conversations.ava!;

const clientSays = async (text: string, page?: Socket) =>
  data(await askClient(page ?? (await t.connectClient(t.demo.clients.ava)), 'message:send', {
    appointmentId: t.demo.appointments.ava[0]!,
    senderMessageId: randomUUID(),
    text,
  }));
const summaryFor = async (socket: Socket, conversationId = ava()) => data(await ask(socket, 'conversation:get', { conversationId })).conversation;
const change = async (socket: Socket, extra: Record<string, unknown>, conversationId = ava()) => ({
  conversationId,
  expectedVersion: (await summaryFor(socket, conversationId)).triageVersion,
  changeId: randomUUID(),
  ...extra,
});
const listIds = async (socket: Socket, view: InboxView, extra: Record<string, unknown> = {}) =>
  data(await ask(socket, 'conversation:list', { view, ...extra })).items.map((item) => item.id);

describe('each member\'s own unread', () => {
  it('a client message is unread for every member who sees it; a reader clears only their own', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    const before = { priya: (await summaryFor(priya)).unreadCount, marcus: (await summaryFor(marcus)).unreadCount };
    const sent = await clientSays('Is Sofia free at four?');
    expect((await summaryFor(priya)).unreadCount).toBe(before.priya + 1);
    expect((await summaryFor(marcus)).unreadCount).toBe(before.marcus + 1);

    const priyasOtherComputer = await t.connectStaff('priya');
    const toHerDevices = nextPush(priyasOtherComputer, 'unread:updated');
    const toMarcus = recordPushes(marcus, 'unread:updated');
    data(await ask(priya, 'conversation:read', { conversationId: ava(), upToMessageId: sent.id }));
    expect(await toHerDevices).toEqual({ conversationId: ava(), unreadCount: 0 });
    expect((await summaryFor(priya)).unreadCount).toBe(0);
    await flush(marcus);
    expect(toMarcus).toEqual([]);
    expect((await summaryFor(marcus)).unreadCount).toBe(before.marcus + 1);
    expect(await listIds(marcus, 'all', { unreadOnly: true })).toContain(ava());
    expect(await listIds(priya, 'all', { unreadOnly: true })).not.toContain(ava());
  });

  it('a read-only member\'s read tells the client nothing and leaves colleagues\' unread as it was', async () => {
    const page = await t.connectClient(t.demo.clients.ava);
    const receipts = recordPushes(page, 'conversation:read');
    const sent = await clientSays('Do you sell the shampoo?', page);
    const [sofia, priya] = [await t.connectStaff('sofia'), await t.connectStaff('priya')];
    const priyaBefore = (await summaryFor(priya)).unreadCount;
    const staffReceipts = recordPushes(priya, 'conversation:read');

    data(await ask(sofia, 'conversation:read', { conversationId: ava(), upToMessageId: sent.id }));
    expect((await summaryFor(sofia)).unreadCount).toBe(0);
    expect((await summaryFor(priya)).unreadCount).toBe(priyaBefore);
    expect(t.db.prepare('SELECT read_at FROM messages WHERE id = ?').pluck().get(sent.id)).toBeNull();
    // A reply the client sees arrives after anything sent before it on the same connection.
    const reply = nextPush(page, 'message:created');
    data(await ask(priya, 'message:send', { conversationId: ava(), senderMessageId: randomUUID(), text: 'Yes, we do.' }));
    await reply;
    await flush(priya);
    expect(receipts).toEqual([]);
    expect(staffReceipts).toEqual([]);

    // Priya may reply: her read is the client's "Read".
    const receipt = nextPush<{ upToMessageId: number }>(page, 'conversation:read');
    data(await ask(priya, 'conversation:read', { conversationId: ava(), upToMessageId: sent.id }));
    expect((await receipt).upToMessageId).toBe(sent.id);
  });

  it('a device that is behind, reading an older message, does not bring back what was read', async () => {
    const priya = await t.connectStaff('priya');
    const older = await clientSays('First question');
    const newer = await clientSays('Second question');
    data(await ask(priya, 'conversation:read', { conversationId: ava(), upToMessageId: newer.id }));
    data(await ask(priya, 'conversation:read', { conversationId: ava(), upToMessageId: older.id }));
    expect((await summaryFor(priya)).unreadCount).toBe(0);
  });

  it('marks a conversation unread for the member alone, on each of their devices', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    const last = data(await ask(priya, 'message:list', { conversationId: ava() })).items.at(-1)!;
    data(await ask(priya, 'conversation:read', { conversationId: ava(), upToMessageId: last.id }));
    data(await ask(marcus, 'conversation:read', { conversationId: ava(), upToMessageId: last.id }));
    const elsewhere = await t.connectStaff('priya');
    const pushed = nextPush(elsewhere, 'unread:updated');
    expect(data(await ask(priya, 'conversation:markUnread', { conversationId: ava() }))).toEqual({ conversationId: ava(), unreadCount: 1 });
    expect(await pushed).toEqual({ conversationId: ava(), unreadCount: 1 });
    expect((await summaryFor(marcus)).unreadCount).toBe(0);
    const counts = data(await ask(priya, 'conversation:counts', {})).locations;
    expect(counts.find((location) => location.locationId === t.demo.locations.soho)?.unreadOpen).toBeGreaterThanOrEqual(1);
  });
});

describe('status, snooze and assignment', () => {
  it('mark done leaves Open for Done, is pushed to staff as a staff-only event and recorded once per change id', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    const pushed = nextPush<{ event: ConversationEvent }>(marcus, 'conversation:triaged');
    const payload = await change(priya, { status: 'done' });
    // A retry after a reconnect carries the same change id: both are answered with one event.
    const [first, retry] = await Promise.all([ask(priya, 'conversation:setStatus', payload), ask(priya, 'conversation:setStatus', payload)]);
    expect(data(retry).event).toEqual(data(first).event);
    expect(data(first).event).toMatchObject({ kind: 'done', cause: 'member', actor: { id: t.demo.members.priya, name: 'Priya Shah' } });
    expect((await pushed).event).toEqual(data(first).event);
    expect(t.db.prepare('SELECT count(*) FROM conversation_events WHERE conversation_id = ?').pluck().get(ava())).toBe(1);
    expect(await listIds(marcus, 'open')).not.toContain(ava());
    expect(await listIds(marcus, 'done')).toContain(ava());
    expect(data(await ask(marcus, 'conversation:events', { conversationId: ava() })).items).toEqual([data(first).event]);
  });

  it('a change decided on an older version is refused and changes nothing', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    const stale = await change(priya, { status: 'done' });
    data(await ask(marcus, 'conversation:assign', await change(marcus, { assigneeId: t.demo.members.marcus })));
    const before = t.fingerprint();
    const refused = await ask(priya, 'conversation:setStatus', stale);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('a client message brings a Done conversation back to Open, with an event', async () => {
    const priya = await t.connectStaff('priya');
    data(await ask(priya, 'conversation:setStatus', await change(priya, { status: 'done' })));
    const reopened = new Promise<{ conversation: { status: string }; event: ConversationEvent }>((resolve) =>
      priya.on('conversation:triaged', (push: { conversation: { status: string }; event: ConversationEvent }) => {
        if (push.event.kind === 'reopened') resolve(push);
      }),
    );
    await clientSays('One more question!');
    const push = await reopened;
    expect(push.event).toMatchObject({ cause: 'client-message', actor: null });
    expect(push.conversation.status).toBe('open');
    expect(await listIds(priya, 'open')).toContain(ava());
  });

  it('send and mark done stores the reply and makes the conversation Done in one go', async () => {
    const priya = await t.connectStaff('priya');
    const pushed = nextPush<{ conversation: { status: string } }>(priya, 'message:created');
    const done = nextPush<{ event: ConversationEvent }>(priya, 'conversation:triaged');
    data(await ask(priya, 'message:send', { conversationId: ava(), senderMessageId: randomUUID(), text: 'See you then!', markDone: true }));
    expect((await pushed).conversation.status).toBe('done');
    expect((await done).event).toMatchObject({ kind: 'done', actor: { id: t.demo.members.priya } });
  });

  it('snoozes until a future time within a year, wakes when the time comes or the client writes', async () => {
    const priya = await t.connectStaff('priya');
    for (const until of [t.clock.now() - 1, t.clock.now() + 400 * 24 * HOUR]) {
      const before = t.fingerprint();
      expect(await ask(priya, 'conversation:snooze', await change(priya, { until }))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(t.fingerprint()).toEqual(before);
    }
    const until = t.clock.now() + 2 * HOUR;
    const snoozed = data(await ask(priya, 'conversation:snooze', await change(priya, { until })));
    expect(snoozed.conversation).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    expect(await listIds(priya, 'snoozed')).toContain(ava());
    expect(await listIds(priya, 'open')).not.toContain(ava());

    const woke = nextPush<{ event: ConversationEvent; conversation: { status: string } }>(priya, 'conversation:triaged');
    t.clock.advance(2 * HOUR);
    t.server.snoozes.reschedule();
    expect((await woke).event).toMatchObject({ kind: 'unsnoozed', cause: 'snooze-ended', actor: null });
    expect(await listIds(priya, 'open')).toContain(ava());

    data(await ask(priya, 'conversation:snooze', await change(priya, { until: t.clock.now() + HOUR })));
    await clientSays('Actually, can I come earlier?');
    expect((await summaryFor(priya)).status).toBe('open');
  });

  it('a snooze that ended while the server was down ends as it starts again', async () => {
    const priya = await t.connectStaff('priya');
    data(await ask(priya, 'conversation:snooze', await change(priya, { until: t.clock.now() + HOUR })));
    await t.server.close();
    t.clock.advance(HOUR + 1);
    // The same database file, a new server process's worth of state.
    const restarted = createServer({ db: t.db, clock: t.clock, config: testConfig(t.dir), log: createMemoryLogger() });
    try {
      expect(t.repos.triage.state(ava())).toMatchObject({ status: 'open', snoozedUntil: null });
      expect(t.repos.triage.events(ava(), 10).map((event) => event.kind)).toEqual(['snoozed', 'unsnoozed']);
    } finally {
      await restarted.close();
    }
  });

  it('assigns to a member who may reply at the location, never to one who may not, and Mine lists it', async () => {
    const [priya, marcus] = [await t.connectStaff('priya'), await t.connectStaff('marcus')];
    const assignees = data(await ask(priya, 'conversation:assignees', { conversationId: ava() })).members.map((member) => member.id);
    expect(assignees).toEqual(expect.arrayContaining([t.demo.members.priya, t.demo.members.marcus, t.demo.members.owner]));
    expect(assignees).not.toContain(t.demo.members.sofia);
    // A deactivated member can no longer be given work.
    t.db.prepare('UPDATE team_members SET deactivated_at = ? WHERE id = ?').run(t.clock.now(), t.demo.members.owner);
    expect(data(await ask(priya, 'conversation:assignees', { conversationId: ava() })).members.map((member) => member.id)).not.toContain(t.demo.members.owner);
    t.db.prepare('UPDATE team_members SET deactivated_at = NULL WHERE id = ?').run(t.demo.members.owner);

    const before = t.fingerprint();
    expect(await ask(priya, 'conversation:assign', await change(priya, { assigneeId: t.demo.members.sofia }))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);

    const toMarcus = nextPush<{ event: ConversationEvent }>(marcus, 'conversation:triaged');
    data(await ask(priya, 'conversation:assign', await change(priya, { assigneeId: t.demo.members.marcus })));
    expect((await toMarcus).event).toMatchObject({ kind: 'assigned', assignee: { id: t.demo.members.marcus, name: 'Marcus Reid' }, actor: { id: t.demo.members.priya } });
    expect(await listIds(marcus, 'mine')).toContain(ava());
    expect(await listIds(priya, 'mine')).not.toContain(ava());
    expect(await listIds(priya, 'unassigned')).not.toContain(ava());
    const soho = (socket: Socket) => ask(socket, 'conversation:counts', {}).then((answer) => data(answer).locations.find((l) => l.locationId === t.demo.locations.soho)!);
    expect((await soho(marcus)).mine).toBe(1);
    expect((await soho(priya)).mine).toBe(0);
  });

  it('no staff-only event or change reaches a client connection', async () => {
    const page = await t.connectClient(t.demo.clients.ava);
    const seen: string[] = [];
    page.onAny((event: string) => seen.push(event));
    const priya = await t.connectStaff('priya');
    data(await ask(priya, 'conversation:assign', await change(priya, { assigneeId: t.demo.members.priya })));
    data(await ask(priya, 'conversation:snooze', await change(priya, { until: t.clock.now() + HOUR })));
    data(await ask(priya, 'conversation:setStatus', await change(priya, { status: 'done' })));
    data(await ask(priya, 'conversation:markUnread', { conversationId: ava() }));
    await clientSays('Reopen please', page);
    data(await ask(priya, 'message:send', { conversationId: ava(), senderMessageId: randomUUID(), text: 'Done', markDone: true }));
    await flush(page, 'client');
    expect(seen.filter((event) => event !== 'message:created' && event !== 'typing:updated')).toEqual([]);
    const sync = data(await askClient(page, 'sync:since', { since: { messageId: 0, readPosition: 0 } }));
    expect(JSON.stringify(sync)).not.toMatch(/snooz|assign|"done"|triage/);
  });

  it('refuses every change while Client Connect is off, changing nothing', async () => {
    const [owner, priya] = [await t.connectStaff('owner'), await t.connectStaff('priya')];
    const payload = await change(priya, { status: 'done' });
    const state = data(await ask(owner, 'settings:get', {}));
    data(await ask(owner, 'settings:update', { settings: { ...state.settings, enabled: false }, baseVersion: state.version }));
    const before = t.fingerprint();
    expect(await ask(priya, 'conversation:setStatus', payload)).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    expect(await ask(priya, 'conversation:markUnread', { conversationId: ava() })).toMatchObject({ ok: false, error: { code: 'messaging_disabled' } });
    expect(t.fingerprint()).toEqual(before);
  });
});
