// Email and text deliveries through the outbox (R11), against a real in-process SMTP server and
// a real HTTP text provider on 127.0.0.1: by the client's preferences, never to a missing or
// invalid address, retried while a provider is down, and — across a server restart — neither
// lost nor sent twice.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Socket as NetSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../shared/clientProfile';
import type { Delivery } from '../../shared/deliveries';
import type { Message } from '../../shared/domain';
import { routes, signInResponseSchema } from '../../shared/http';
import { createServer, type InboxServer } from '../app';
import { hashToken, newToken } from '../auth/tokens';
import { ManualClock } from '../clock';
import { migrate } from '../db/migrate';
import { closeDatabase, openDatabase } from '../db/open';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { seedDemo, type DemoIds } from '../demo/seed';
import { createMemoryLogger } from '../log';
import { createRepositories, type Repositories } from '../repositories';
import { startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from '../testing/deliverySinks';
import { ask, connectSocket, data, flush, recordPushes, testConfig, TEST_START, writeStaticFixture } from '../testing/testServer';
import { backoffDelay, type RetryPolicy } from './deliveryWorker';
import { enqueueDeliveries } from './enqueue';

const RETRY: RetryPolicy = { baseDelayMs: 60_000, maxDelayMs: 10 * 60_000, maxAttempts: 4, pollMs: 25 };
const WAIT = { timeout: 10_000, interval: 20 };

let dir: string;
let smtp: SmtpSink;
let sms: SmsSink;
let clock: ManualClock;
let db: Database;
let repos: Repositories;
let server: InboxServer;
let url: string;
let demo: DemoIds;
let sockets: Socket[] = [];

async function boot(overrides: Parameters<typeof testConfig>[1] = {}): Promise<void> {
  const config = testConfig(dir, { email: smtp.config, sms: sms.config, deliveryRetry: RETRY, ...overrides });
  db = openDatabase(config.databaseFile);
  migrate(db);
  repos = createRepositories(db);
  if (!repos.workspace.get()) demo = seedDemo(repos, clock.now());
  server = createServer({ db, clock, config, log: createMemoryLogger() });
  url = await server.listen();
}

/** Stops the server as a restart would (the delivery in flight settles first), database closed. */
async function shutDown(): Promise<void> {
  for (const socket of sockets) socket.close();
  sockets = [];
  await server.close();
  closeDatabase(db);
}

async function staff(member: keyof typeof DEMO_MEMBERS = 'priya'): Promise<Socket> {
  const response = await fetch(`${url}${routes.signIn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_MEMBERS[member].email, password: DEMO_PASSWORD }),
  });
  const socket = await connectSocket(url, { token: signInResponseSchema.parse(await response.json()).token });
  sockets.push(socket);
  return socket;
}

const conversation = () => demo.conversations.ava!;

async function setAvaContacts(socket: Socket, change: { email?: boolean; sms?: boolean; mobile?: string; emailAddress?: string }) {
  const current = data(await ask(socket, 'clientProfile:get', { conversationId: conversation() }));
  return data(
    await ask(socket, 'clientProfile:update', {
      conversationId: conversation(),
      baseVersion: current.version,
      profile: {
        name: current.name,
        mobile: change.mobile ?? current.mobile ?? '',
        email: change.emailAddress ?? current.email ?? '',
        emailNotifications: change.email ?? current.notifications.email,
        smsNotifications: change.sms ?? current.notifications.sms,
      },
    }),
  ) as ClientProfile;
}

const send = async (socket: Socket, text: string) =>
  data(await ask(socket, 'message:send', { conversationId: conversation(), senderMessageId: randomUUID(), text })) as Message;

const deliveriesOf = (messageId: number) =>
  db.prepare('SELECT channel, state, attempts, address, idempotency_key AS key FROM deliveries WHERE message_id = ? ORDER BY channel').all(messageId) as {
    channel: string; state: string; attempts: number; address: string; key: string;
  }[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-outbox-'));
  writeStaticFixture(dir);
  [smtp, sms] = await Promise.all([startSmtpSink(), startSmsSink()]);
  clock = new ManualClock(TEST_START);
  await boot();
});

afterEach(async () => {
  await shutDown();
  await Promise.all([smtp.close(), sms.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('client deliveries', () => {
  it('emails and texts by the client\'s preferences, and the client\'s app gets the message live', async () => {
    const priya = await staff();
    const ava = await connectSocket(url, { token: issueClientToken(demo.clients.ava) }, '/client');
    sockets.push(ava);
    const live = recordPushes<{ message: Message }>(ava, 'message:created');

    // Email only.
    await setAvaContacts(priya, { email: true, sms: false });
    const first = await send(priya, 'Your colour is booked for Tuesday.');
    await expect.poll(() => smtp.received.length, WAIT).toBe(1);
    expect(smtp.received[0]).toMatchObject({ to: 'ava@example.com', subject: 'New message from Lumen Hair Studio — Lumen Soho' });
    expect(smtp.received[0]?.raw).toContain('Your colour is booked for Tuesday.');
    expect(smtp.received[0]?.messageId).toBe(`<${deliveriesOf(first.id)[0]?.key}@lumen.example>`);
    await expect.poll(() => deliveriesOf(first.id).map((row) => [row.channel, row.state]), WAIT).toEqual([['email', 'sent']]);
    expect(sms.requests).toEqual([]);

    // Text only: the number as stored (E.164), with the provider's key.
    await setAvaContacts(priya, { email: false, sms: true });
    const second = await send(priya, 'See you at 10:45.');
    await expect.poll(() => sms.sent.length, WAIT).toBe(1);
    expect(sms.sent[0]).toMatchObject({
      to: '+447400900101',
      text: 'Lumen Hair Studio — Lumen Soho: See you at 10:45.',
      from: 'Lumen',
      authorization: `Bearer ${sms.config.key}`,
      idempotencyKey: deliveriesOf(second.id)[0]?.key,
    });
    expect(smtp.received).toHaveLength(1);

    // Both off: in-app only. Client messages never go out by email or text.
    await setAvaContacts(priya, { email: false, sms: false });
    const third = await send(priya, 'In the app only.');
    const fromAva = await ava.timeout(5_000).emitWithAck('message:send', { appointmentId: demo.appointments.ava[0], senderMessageId: randomUUID(), text: 'Thanks!' });
    expect(fromAva.ok).toBe(true);
    await server.deliveries.kick();
    expect(deliveriesOf(third.id)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 2 });
    // In the app, every business message reaches the client (Ava's own came back in its ack).
    await flush(ava, 'client');
    expect(live.map((push) => push.message.text)).toEqual(['Your colour is booked for Tuesday.', 'See you at 10:45.', 'In the app only.']);
  });

  it('enqueues with the message or not at all: a retried send adds nothing, a failed store leaves nothing', async () => {
    const priya = await staff();
    await setAvaContacts(priya, { email: true, sms: true });
    const senderMessageId = randomUUID();
    const payload = { conversationId: conversation(), senderMessageId, text: 'Once' };
    const first = data(await ask(priya, 'message:send', payload)) as Message;
    const retried = data(await ask(priya, 'message:send', payload)) as Message;
    expect(retried.id).toBe(first.id);
    expect(deliveriesOf(first.id).map((row) => row.channel)).toEqual(['email', 'sms']);
    // A send whose transaction fails after the message and its deliveries were written.
    const count = () => db.prepare('SELECT (SELECT count(*) FROM deliveries) AS deliveries, (SELECT count(*) FROM messages) AS messages').get();
    const before = count();
    expect(() =>
      repos.transaction(() => {
        const outcome = repos.messages.append({
          conversationId: conversation(),
          sender: { kind: 'staff', memberId: demo.members.priya },
          senderMessageId: randomUUID(),
          appointmentId: null,
          text: 'Never stored',
          createdAt: clock.now(),
        });
        enqueueDeliveries(repos, outcome.message);
        expect(deliveriesOf(outcome.message.id)).toHaveLength(2);
        throw new Error('attaching the files failed');
      }),
    ).toThrow('attaching the files failed');
    expect(count()).toEqual(before);
    await server.deliveries.kick();
    await expect.poll(() => deliveriesOf(first.id).map((row) => row.state), WAIT).toEqual(['sent', 'sent']);
    expect(smtp.received).toHaveLength(1);
    expect(sms.sent).toHaveLength(1);
  });

  it('sends nothing to a missing or invalid address, even if a preference says so', async () => {
    const priya = await staff();
    // Rows from before validation existed: channels on, addresses missing or invalid.
    db.prepare("UPDATE clients SET email_notifications = 1, sms_notifications = 1, email = NULL, mobile = '+4477009001' WHERE id = ?").run(demo.clients.ava);
    const missing = await send(priya, 'Nobody to send to.');
    db.prepare("UPDATE clients SET email = 'not-an-address', mobile = NULL WHERE id = ?").run(demo.clients.ava);
    const invalid = await send(priya, 'Still nobody.');
    await server.deliveries.kick();
    expect(deliveriesOf(missing.id)).toEqual([]);
    expect(deliveriesOf(invalid.id)).toEqual([]);
    expect(smtp.received).toEqual([]);
    expect(sms.requests).toEqual([]);
  });

  it('shows staff how each delivery stands, live and on request', async () => {
    const priya = await staff();
    const marcus = await staff('marcus');
    const seen = recordPushes<Delivery>(marcus, 'delivery:updated');
    await setAvaContacts(priya, { email: true, sms: true });
    sms.down = true;
    const message = await send(priya, 'Hello Ava');
    await expect.poll(() => seen.filter((delivery) => delivery.messageId === message.id).map((d) => `${d.channel}:${d.state}`), WAIT).toEqual(
      expect.arrayContaining(['email:sending', 'email:sent', 'sms:sending', 'sms:retrying']),
    );
    const listed = data(await ask(priya, 'delivery:list', { conversationId: conversation() })).items;
    expect(listed.map((d) => [d.messageId, d.channel, d.state, d.attempts])).toEqual([
      [message.id, 'email', 'sent', 1],
      [message.id, 'sms', 'retrying', 1],
    ]);
    // Staff read plain words; the provider's answer (503) is in the server log.
    expect(listed[1]).toMatchObject({ lastError: "Couldn't reach the text message service. It will be tried again.", nextAttemptAt: clock.now() + RETRY.baseDelayMs });
  });

  it('retries with backoff while a provider is down, gives up after the last attempt, and fails at once on a refusal', async () => {
    const priya = await staff();
    await setAvaContacts(priya, { email: true, sms: true });
    sms.down = true;
    smtp.rejects.add('ava@example.com');
    const message = await send(priya, 'Are you still coming?');
    await expect.poll(() => deliveriesOf(message.id).map((row) => [row.channel, row.state, row.attempts]), WAIT).toEqual([
      ['email', 'failed', 1],
      ['sms', 'retrying', 1],
    ]);
    // Not due yet: nothing is tried before the backoff has passed.
    clock.advance(RETRY.baseDelayMs - 1);
    await server.deliveries.kick();
    expect(sms.requests).toHaveLength(1);
    for (let attempt = 2; attempt <= RETRY.maxAttempts; attempt += 1) {
      clock.advance(backoffDelay(attempt - 1, RETRY));
      await server.deliveries.kick();
      await expect.poll(() => deliveriesOf(message.id)[1]?.attempts, WAIT).toBe(attempt);
    }
    expect(deliveriesOf(message.id)[1]?.state).toBe('failed');
    clock.advance(RETRY.maxDelayMs * 10);
    await server.deliveries.kick();
    expect(sms.requests).toHaveLength(RETRY.maxAttempts);
    expect(sms.sent).toEqual([]);
  });

  it('delivers what waited while providers were down after a restart, each exactly once', async () => {
    const priya = await staff();
    await setAvaContacts(priya, { email: true, sms: true });
    smtp.down = true;
    sms.down = true;
    const sent = [await send(priya, 'One'), await send(priya, 'Two'), await send(priya, 'Three')];
    await expect.poll(() => sent.flatMap((message) => deliveriesOf(message.id)).every((row) => row.state === 'retrying'), WAIT).toBe(true);
    expect(smtp.received).toEqual([]);

    await shutDown();
    smtp.down = false;
    sms.down = false;
    clock.advance(RETRY.baseDelayMs);
    await boot();

    await expect.poll(() => sent.flatMap((message) => deliveriesOf(message.id)).map((row) => row.state), WAIT).toEqual(Array(6).fill('sent'));
    expect(smtp.received.map((email) => email.raw.includes('One') || email.raw.includes('Two') || email.raw.includes('Three'))).toEqual([true, true, true]);
    expect(new Set(smtp.received.map((email) => email.messageId)).size).toBe(3);
    expect(sms.sent.map((text) => text.text.split(': ')[1]).sort()).toEqual(['One', 'Three', 'Two']);

    // Another restart sends nothing again.
    await shutDown();
    clock.advance(RETRY.maxDelayMs);
    await boot();
    await server.deliveries.kick();
    expect(smtp.received).toHaveLength(3);
    expect(sms.sent).toHaveLength(3);
  });

  it('resends a delivery cut off mid-send with the same key, so the provider sends it once', async () => {
    const priya = await staff();
    await setAvaContacts(priya, { email: true, sms: true });
    const message = await send(priya, 'Cut off');
    await expect.poll(() => deliveriesOf(message.id).map((row) => row.state), WAIT).toEqual(['sent', 'sent']);
    const keys = deliveriesOf(message.id).map((row) => row.key);

    // As if the process died after the providers accepted but before the rows were settled.
    await shutDown();
    const raw = openDatabase(join(dir, 'inbox.sqlite3'));
    raw.prepare("UPDATE deliveries SET state = 'sending' WHERE message_id = ?").run(message.id);
    closeDatabase(raw);
    await boot();

    await expect.poll(() => deliveriesOf(message.id).map((row) => [row.state, row.attempts]), WAIT).toEqual([['sent', 2], ['sent', 2]]);
    expect(deliveriesOf(message.id).map((row) => row.key)).toEqual(keys);
    // The text provider saw the retry and recognised it by its key: one text.
    expect(sms.requests.map((request) => request.idempotencyKey)).toEqual([keys[1], keys[1]]);
    expect(sms.sent).toHaveLength(1);
    // SMTP has no idempotency: the email went again, with the same Message-ID (at least once).
    expect(smtp.received.map((email) => email.messageId)).toEqual([`<${keys[0]}@lumen.example>`, `<${keys[0]}@lumen.example>`]);
  });
});

describe('shutdown while a provider hangs', () => {
  it('does not wait for it: the delivery stays claimed and goes again, once, after the restart', async () => {
    // An "SMTP server" that accepts connections and never says a word.
    const connections = new Set<NetSocket>();
    const silent = createNetServer((socket) => void connections.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      await shutDown();
      await boot({ email: { ...smtp.config, port } });
      const priya = await staff();
      await setAvaContacts(priya, { email: true, sms: false });
      const message = await send(priya, 'Hanging');
      await expect.poll(() => deliveriesOf(message.id)[0]?.state, WAIT).toBe('sending');

      await shutDown();
      expect(db.open).toBe(false);
      await boot();
      await expect.poll(() => deliveriesOf(message.id).map((row) => [row.state, row.attempts]), WAIT).toEqual([['sent', 2]]);
      expect(smtp.received).toHaveLength(1);
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 30_000);
});

function issueClientToken(clientId: number): string {
  const token = newToken();
  repos.clients.saveToken(clientId, hashToken(token), clock.now());
  return token;
}
