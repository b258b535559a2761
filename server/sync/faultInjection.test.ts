// Fault injection: the real server (server/main.ts, bundled once) runs as a child
// process on a temp SQLite file, behind a TCP proxy in this test so clients keep one address
// across restarts. Several staff and client connections send thousands of messages through the
// same outbox and catch-up modules the app uses, while the proxy drops connections at random,
// the server is killed (SIGKILL) and restarted several times, and apps restart too. Afterwards,
// from the database: every message is stored exactly once (acknowledged or only retried), each
// sender's order within a conversation is kept, and every party has seen every message it may
// see, through pushes and catch-up together.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import type { Message } from '../../shared/domain';
import { LISTENING_LINE_PREFIX, routes, signInResponseSchema } from '../../shared/http';
import { createCatchUp } from '../../shared/offline/catchUp';
import { createOutbox, type OutboxEntry } from '../../shared/offline/outbox';
import { err, type Result } from '../../shared/result';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../demo/demoData';
import { startChaosProxy, type ChaosProxy } from '../testing/chaosProxy';
import { testRandom } from '../../shared/testing/testRandom';

const serverMain = fileURLToPath(new URL('../main.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const INTEGRATION_KEY = 'fault-injection-integration-key-0123';
const MESSAGES_PER_PARTY = 350;
const RESTARTS = 4;
const SEND_TIMEOUT_MS = 3_000;
/** Between bursts of ten: spreads the writing over the server's kills and restarts. */
const WRITE_PAUSE_MS = 300;

const dir = mkdtempSync(join(tmpdir(), 'inbox-faults-'));
let bundleDir: string | null = null;
let serverEntry = '';
let child: ChildProcess | null = null;
let proxy: ChaosProxy | null = null;
const parties: Party[] = [];
// The real server's entry, bundled once (next to node_modules, so its packages resolve): each of
// the restarts below then starts in plain Node, without transpiling on every start.
beforeAll(async () => {
  mkdirSync(join(projectRoot, 'node_modules', '.cache'), { recursive: true });
  bundleDir = mkdtempSync(join(projectRoot, 'node_modules', '.cache', 'fault-injection-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: serverMain, outDir: bundleDir, emptyOutDir: false, copyPublicDir: false, minify: false, target: 'node22' },
  });
  serverEntry = join(bundleDir, 'main.js');
}, 60_000);
afterAll(async () => {
  for (const party of parties) party.socket.close();
  child?.kill('SIGKILL');
  await proxy?.close();
  rmSync(dir, { recursive: true, force: true });
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

/** Starts the real server on a free port; resolves to its URL once it listens. */
function startServerProcess(): Promise<{ process: ChildProcess; port: number }> {
  const started = fork(serverEntry, ['--port', '0', '--data-dir', dir, '--demo', '--integration-key', INTEGRATION_KEY], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Each client here sends hundreds of messages a minute, far past a real client's limit.
    env: { ...process.env, INBOX_CLIENT_MESSAGES_PER_MINUTE: '1000000' },
  });
  child = started;
  return new Promise((resolve, reject) => {
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith(LISTENING_LINE_PREFIX));
      if (line) resolve({ process: started, port: Number(new URL(line.slice(LISTENING_LINE_PREFIX.length).trim()).port) });
    });
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}


type Payload = { conversationId: number; appointmentId: number; text: string };
const payloadSchema = z.object({ conversationId: z.number(), appointmentId: z.number(), text: z.string() });
type SyncPage = { position: unknown; hasMore: boolean; messages: Message[] };

/** One sender: a socket.io connection with the app's outbox and catch-up over it. */
type Party = {
  name: string;
  senderKey: string;
  socket: Socket;
  outbox: ReturnType<typeof createOutbox<Payload, Message>>;
  written: Map<string, { conversationId: number; seq: number }>;
  /** Entries whose first attempt got no answer, so only a retry could deliver them. */
  unansweredFirstTry: Set<string>;
  /** First attempts started so far (retries not counted). */
  firstAttempts: number;
  acked: Set<string>;
  seenByPush: Set<number>;
  seenByCatchUp: Set<number>;
  catchUp: ReturnType<typeof createCatchUp>;
  /** Quits the app and starts it again over what it stored. */
  restart(): void;
  visible(conversation: { id: number; clientId: number; locationId: number }): boolean;
};

function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<Result<unknown>> {
  // Never buffer while disconnected: an attempt is either on the wire now or reported failed.
  if (!socket.connected) return Promise.resolve(err('unavailable', 'Not connected.'));
  return socket
    .timeout(SEND_TIMEOUT_MS)
    .emitWithAck(event, payload)
    .then(
      (answer) => answer as Result<unknown>,
      () => err('unavailable', 'No answer.'),
    );
}

function createParty(options: {
  name: string;
  senderKey: string;
  url: string;
  token: string;
  kind: 'staff' | 'client';
  visible: Party['visible'];
}): Party {
  // What the app keeps on disk: it outlives a restart of the app.
  let stored: unknown = [];
  let position: unknown = null;
  // Test bookkeeping, not app state.
  const attempts = new Map<string, number>();

  const connect = () =>
    io(options.kind === 'staff' ? options.url : `${options.url}${CLIENT_NAMESPACE}`, {
      auth: { token: options.token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 400,
      timeout: 2_000,
    });
  const outboxOver = (socket: Socket) =>
    createOutbox<Payload, Message>({
      // Kept as handed over (the outbox never changes an array it saved): the app's store.
      storage: { load: async () => stored, save: async (entries) => void (stored = entries) },
      payloadSchema,
      lockName: `outbox:${options.name}`,
      async send(entry: OutboxEntry<Payload>) {
        const attempt = (attempts.get(entry.senderMessageId) ?? 0) + 1;
        attempts.set(entry.senderMessageId, attempt);
        if (attempt === 1) party.firstAttempts += 1;
        const { conversationId, appointmentId, text } = entry.payload;
        const payload = options.kind === 'staff'
          ? { conversationId, senderMessageId: entry.senderMessageId, text }
          : { appointmentId, senderMessageId: entry.senderMessageId, text };
        const answer = await emitWithAck(socket, 'message:send', payload);
        if (!answer.ok && answer.error.code === 'unavailable' && attempt === 1) party.unansweredFirstTry.add(entry.senderMessageId);
        if (answer.ok) party.acked.add(entry.senderMessageId);
        return answer as Result<Message>;
      },
    });
  const catchUpOver = (socket: Socket) =>
    createCatchUp<unknown, SyncPage>({
      fetch: async (since) => (await emitWithAck(socket, 'sync:since', { since })) as Result<SyncPage>,
      apply: (page) => page.messages.forEach((message) => party.seenByCatchUp.add(message.id)),
      positions: { load: async () => position, save: async (next) => void (position = next) },
    });
  const wire = () => {
    const { socket } = party;
    socket.on('message:created', ({ message }: { message: Message }) => party.seenByPush.add(message.id));
    // The app's reconnect path: catch up from the last position, then send what waits.
    socket.on('connect', () => {
      void party.catchUp.run();
      void party.outbox.flush();
    });
  };

  const socket = connect();
  const party: Party = {
    name: options.name,
    senderKey: options.senderKey,
    socket,
    written: new Map(),
    unansweredFirstTry: new Set(),
    firstAttempts: 0,
    acked: new Set(),
    seenByPush: new Set(),
    seenByCatchUp: new Set(),
    visible: options.visible,
    outbox: outboxOver(socket),
    catchUp: catchUpOver(socket),
    restart() {
      // The app quits mid-flight and starts again: only what it stored survives.
      party.socket.close();
      party.socket = connect();
      party.outbox = outboxOver(party.socket);
      party.catchUp = catchUpOver(party.socket);
      wire();
    },
  };
  wire();
  return party;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

it('stores every message exactly once, in order, and everyone sees everything, through kills, restarts and drops', { timeout: 150_000 }, async () => {
  const started = Date.now();
  const random = testRandom();
  proxy = startChaosProxy(random);
  const proxyPort = await proxy.listening;
  const url = `http://127.0.0.1:${proxyPort}`;
  proxy.setUpstream((await startServerProcess()).port);

  // Who talks where, read from the demo data the server seeded.
  const db = new Sqlite(join(dir, 'inbox.sqlite3'), { readonly: true });
  const conversations = db
    .prepare(`SELECT c.id, c.client_id AS clientId, c.location_id AS locationId,
                     (SELECT a.id FROM appointments a WHERE a.client_id = c.client_id AND a.location_id = c.location_id LIMIT 1) AS appointmentId
                FROM conversations c ORDER BY c.id`)
    .all() as { id: number; clientId: number; locationId: number; appointmentId: number | null }[];
  const startId = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM messages').get() as { id: number }).id;
  const memberLocations = (email: string) =>
    (db.prepare('SELECT ml.location_id AS id FROM member_locations ml JOIN team_members tm ON tm.id = ml.member_id WHERE tm.email = ?').all(email) as { id: number }[]).map((row) => row.id);
  const memberId = (email: string) => (db.prepare('SELECT id FROM team_members WHERE email = ?').get(email) as { id: number }).id;

  const signIn = async (email: string) => {
    const response = await fetch(`${url}${routes.signIn}`, { method: 'POST', body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    return signInResponseSchema.parse(await response.json()).token;
  };
  for (const key of ['priya', 'marcus'] as const) {
    const { email } = DEMO_MEMBERS[key];
    const locations = memberLocations(email);
    parties.push(createParty({
      name: key, senderKey: `m:${memberId(email)}`, url, token: await signIn(email), kind: 'staff',
      visible: (conversation) => locations.includes(conversation.locationId),
    }));
  }
  db.close();
  const clientConversations = conversations.filter((conversation) => conversation.appointmentId !== null).slice(0, 4);
  for (const conversation of clientConversations) {
    const response = await fetch(`${url}${routes.integrationClientToken}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INTEGRATION_KEY}` },
      body: JSON.stringify({ clientId: conversation.clientId }),
    });
    const { token } = (await response.json()) as { token: string };
    parties.push(createParty({
      name: `client-${conversation.clientId}`, senderKey: `c:${conversation.clientId}`, url, token, kind: 'client',
      visible: (candidate) => candidate.clientId === conversation.clientId,
    }));
  }
  await until(() => parties.every((party) => party.socket.connected), 'every party to connect');

  // Writers: each party writes its messages in small bursts over the whole run (so many are
  // written while the server is down), staff across their conversations.
  const targets = (party: Party) => conversations.filter((conversation) => party.visible(conversation) && conversation.appointmentId !== null);
  const writers = parties.map(async (party) => {
    const mine = targets(party);
    for (let seq = 0; seq < MESSAGES_PER_PARTY; seq += 1) {
      const conversation = mine[seq % mine.length]!;
      const senderMessageId = randomUUID();
      party.written.set(senderMessageId, { conversationId: conversation.id, seq });
      await party.outbox.enqueue({
        senderMessageId,
        queue: String(conversation.id),
        payload: { conversationId: conversation.id, appointmentId: conversation.appointmentId!, text: `${party.name} #${seq}` },
      });
      void party.outbox.flush();
      if (seq % 10 === 9) await sleep(WRITE_PAUSE_MS);
    }
  });

  // Chaos while they write: random drops, and the server killed and started again.
  let restarts = 0;
  let dropped = 0;
  let appRestarts = 0;
  const firstAttempts = () => parties.reduce((sum, party) => sum + party.firstAttempts, 0);
  const chaos = (async () => {
    // Once for certain: sends reach the server but their answers are lost, then every connection
    // drops, so some messages are stored while their senders only know to try again.
    proxy!.loseAnswers(true);
    const before = firstAttempts();
    await until(() => firstAttempts() > before, 'a send while answers are lost');
    dropped += proxy!.dropRandom(1);
    proxy!.loseAnswers(false);
    while (restarts < RESTARTS) {
      for (let round = 0; round < 3; round += 1) {
        await sleep(150 + random() * 300);
        dropped += proxy!.dropRandom(0.3);
      }
      await sleep(200 + random() * 400);
      child!.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      dropped += proxy!.dropRandom(1);
      await sleep(100 + random() * 300);
      proxy!.setUpstream((await startServerProcess()).port);
      restarts += 1;
      // And one app restarts while it has messages waiting (the server is up again).
      parties[restarts % parties.length]!.restart();
      appRestarts += 1;
    }
  })();
  await Promise.all([...writers, chaos]);

  // Quiet now: every outbox empties through retries on its own (flush on each reconnect).
  await until(async () => {
    for (const party of parties) if (party.socket.connected) await party.outbox.flush();
    return parties.every((party) => party.socket.connected && party.outbox.snapshot().entries.length === 0);
  }, 'every outbox to empty');
  await Promise.all(parties.map((party) => party.catchUp.run()));

  const final = new Sqlite(join(dir, 'inbox.sqlite3'), { readonly: true });
  const rows = final
    .prepare(`SELECT m.id, m.conversation_id AS conversationId, m.sender_key AS senderKey, m.sender_message_id AS senderMessageId,
                     c.client_id AS clientId, c.location_id AS locationId
                FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id > ? ORDER BY m.id`)
    .all(startId) as { id: number; conversationId: number; senderKey: string; senderMessageId: string; clientId: number; locationId: number }[];
  final.close();

  const written = parties.reduce((sum, party) => sum + party.written.size, 0);
  const acked = parties.reduce((sum, party) => sum + party.acked.size, 0);
  const retriedOnly = parties.reduce((sum, party) => sum + party.unansweredFirstTry.size, 0);
  console.info(
    `fault injection: ${written} messages written by ${parties.length} parties; ${rows.length} stored; ` +
      `${acked - retriedOnly} acknowledged on the first attempt; ${retriedOnly} unacknowledged at first (no answer), ` +
      `then delivered by a retry with the same id; ` +
      `${restarts} SIGKILL restarts; ${appRestarts} app restarts; ${dropped} connections dropped; ${Math.round((Date.now() - started) / 1000)} s; ` +
      parties.map((party) => `${party.name}: ${party.seenByPush.size} by push, ${[...party.seenByCatchUp].filter((id) => !party.seenByPush.has(id)).length} only by catch-up`).join('; '),
  );

  expect(rows).toHaveLength(written);
  const stored = new Map(rows.map((row) => [`${row.senderKey}/${row.senderMessageId}`, row]));
  expect(stored.size).toBe(rows.length);
  for (const party of parties) {
    // Every message written is stored once, whether its first answer arrived or not.
    for (const [senderMessageId, { conversationId }] of party.written) {
      expect(stored.get(`${party.senderKey}/${senderMessageId}`)?.conversationId, `${party.name} ${senderMessageId}`).toBe(conversationId);
    }
    expect(party.acked.size).toBe(party.written.size);
    // Per conversation, the sender's messages are stored in the order written.
    const byConversation = new Map<number, number[]>();
    for (const row of rows.filter((candidate) => candidate.senderKey === party.senderKey)) {
      const seqs = byConversation.get(row.conversationId) ?? [];
      seqs.push(party.written.get(row.senderMessageId)!.seq);
      byConversation.set(row.conversationId, seqs);
    }
    for (const seqs of byConversation.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Everyone has seen every message they may see.
    const seen = new Set([...party.seenByPush, ...party.seenByCatchUp]);
    const missing = rows.filter((row) => party.visible({ id: row.conversationId, clientId: row.clientId, locationId: row.locationId }) && !seen.has(row.id));
    expect(missing, `${party.name} never saw these`).toEqual([]);
  }
  expect(restarts).toBe(RESTARTS);
  expect(retriedOnly).toBeGreaterThan(0);
});
