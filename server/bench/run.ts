// One bench run: seed (or reuse) the workspace file, start our real server and the raw
// baseline server as child processes, drive both from this process with real socket.io
// connections, and collect every figure beside its same-run baseline.
import { randomUUID } from 'node:crypto';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { routes, signInResponseSchema } from '../../shared/http';
import { hashToken, newToken } from '../auth/tokens';
import { closeDatabase, openDatabase } from '../db/open';
import { createRepositories } from '../repositories';
import { alternatingClosedLoops, closeAll, closedLoopSlice, connect, connectMany, deliveryLatency, type ClosedLoopResult } from './load';
import { builtServerExists, BUILT_SERVER, SOURCE_SERVER, startInboxServer, startRawServer, type Child } from './processes';
import { rawInsertRate, timeQueries } from './queries';
import { BENCH_RESULT_VERSION, type BenchResult, type Figure } from './report';
import { BENCH_OWNER_EMAIL, BENCH_PASSWORD, benchDatabase, benchDeskEmail, locationOfClient, SEED_SIZES, type SeedSize } from './seed';
import { summarize, type Summary } from './stats';

export type BenchMode = 'full' | 'quick' | 'tiny';

type Plan = {
  size: SeedSize;
  connections: number[];
  /** Measured send time per connection count and server, in `sendSlices` alternating slices. */
  sendMs: number;
  sendSlices: number;
  deliverySockets: number;
  deliveryIntervalMs: number;
  deliveryMs: number;
  iterations: number;
};

const PLANS: Record<BenchMode, Plan> = {
  full: { size: SEED_SIZES.full, connections: [1, 100, 1000], sendMs: 5000, sendSlices: 5, deliverySockets: 1000, deliveryIntervalMs: 1000, deliveryMs: 15_000, iterations: 500 },
  quick: { size: SEED_SIZES.quick, connections: [1, 100, 1000], sendMs: 2000, sendSlices: 4, deliverySockets: 1000, deliveryIntervalMs: 1000, deliveryMs: 5000, iterations: 200 },
  tiny: { size: SEED_SIZES.tiny, connections: [1, 5, 20], sendMs: 300, sendSlices: 2, deliverySockets: 20, deliveryIntervalMs: 250, deliveryMs: 1000, iterations: 20 },
};

export type BenchOptions = { mode: BenchMode; server: 'built' | 'source'; log?: (line: string) => void };

const SEND_TEXT = 'Can I move my appointment to Friday afternoon?';

function figure(key: string, label: string, unit: string, value: number | null, better: Figure['better'], baseline: Figure['baseline'], target: number | null = null): Figure {
  return { key, label, unit, value: value ?? null, better, baseline, target };
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}${routes.signIn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`bench sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return signInResponseSchema.parse(await response.json()).token;
}

/** What a durable send costs in CPU, ours beside the raw socket.io ack, and the send rate that
 * cost allows on this machine with the driver beside the server: every core busy, nothing else
 * running (`cores × 1 s ÷ (server + driver CPU per send)`). A rate target above that ceiling
 * cannot be met here, whatever the server does with its share. None where CPU is unreadable. */
function cpuFigures(count: number, ours: ClosedLoopResult, base: ClosedLoopResult): Figure[] {
  if (ours.serverCpuUsPerAck === null || ours.driverCpuUsPerAck === null) return [];
  const rawServer = 'raw socket.io server';
  const ceiling = (result: ClosedLoopResult) =>
    result.serverCpuUsPerAck === null || result.driverCpuUsPerAck === null
      ? null
      : (cpus().length * 1e6) / (result.serverCpuUsPerAck + result.driverCpuUsPerAck);
  return [
    figure(`send.c${count}.serverCpu`, `server CPU per durable send, ${count} conn`, 'µs', ours.serverCpuUsPerAck, 'lower', { label: rawServer, value: base.serverCpuUsPerAck }),
    figure(`send.c${count}.driverCpu`, `bench driver CPU per send, ${count} conn`, 'µs', ours.driverCpuUsPerAck, 'lower', { label: `driving the ${rawServer}`, value: base.driverCpuUsPerAck }),
    figure(`send.c${count}.ceiling`, `send rate this CPU cost allows, ${count} conn`, 'msg/s', ceiling(ours), 'higher', { label: rawServer, value: ceiling(base) }),
  ];
}

/** Round trips of one request, one at a time. */
async function roundTrips(socket: Socket, iterations: number, event: string, payload: unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const start = process.hrtime.bigint();
    const result = (await socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; error?: unknown };
    if (!result.ok) throw new Error(`${event} failed during the bench: ${JSON.stringify(result.error)}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const plan = PLANS[options.mode];
  const { size } = plan;
  const notes: string[] = [];
  const figures: Figure[] = [];
  const entry = options.server === 'built' ? BUILT_SERVER : SOURCE_SERVER;
  if (options.server === 'built' && !builtServerExists()) throw new Error(`${BUILT_SERVER} is missing: run npm run build first.`);
  if (options.server === 'source') notes.push('Server run from TypeScript source through jiti: cold start includes transpiling.');

  const startedAt = new Date().toISOString();
  let seeded: number | null;
  const runDir = mkdtempSync(join(tmpdir(), 'inbox-bench-run-'));
  const children: Child[] = [];
  const sockets: Socket[] = [];
  try {
    const dataDir = join(runDir, 'data');
    const staticDir = join(runDir, 'static');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(staticDir, { recursive: true });
    const databaseFile = join(dataDir, 'inbox.sqlite3');
    log(`Preparing the ${size.name} workspace (${size.conversations.toLocaleString('en-GB')} conversations, ${size.messages.toLocaleString('en-GB')} messages)…`);
    const { seedSeconds } = benchDatabase(size, databaseFile, Date.now());
    seeded = seedSeconds;
    log(seedSeconds === null ? 'Seeded file reused from the cache.' : `Seeded in ${seedSeconds.toFixed(1)} s (cached for the next run).`);

    // Client tokens for the connections, then the in-process figures while no server runs.
    const clientCount = Math.max(...plan.connections, plan.deliverySockets);
    const firstClient = size.longConversations + 1;
    const clientIds = Array.from({ length: clientCount }, (_, index) => firstClient + index);
    const clientTokens = new Map<number, string>();
    const db = openDatabase(databaseFile);
    try {
      const repos = createRepositories(db);
      repos.transaction(() => {
        for (const clientId of clientIds) {
          const token = newToken();
          repos.clients.saveToken(clientId, hashToken(token), Date.now());
          clientTokens.set(clientId, token);
        }
      });
      log('Timing inbox, message and search queries…');
      const locationIds = Array.from({ length: size.locations }, (_, index) => index + 1);
      const times = timeQueries(db, { iterations: plan.iterations, locationIds, longConversationId: 1 });
      const rawLabel = 'raw select by id';
      const pair = (key: string, label: string, summary: Summary, target: number) => {
        figures.push(figure(`${key}.p50`, `${label} p50`, 'ms', summary.p50, 'lower', { label: rawLabel, value: times.rawSelect.p50 }));
        figures.push(figure(`${key}.p99`, `${label} p99`, 'ms', summary.p99, 'lower', { label: rawLabel, value: times.rawSelect.p99 }, target));
      };
      pair('inbox.firstPage', 'inbox first page (all locations)', times.firstPage, 2);
      pair('inbox.keysetPage', 'inbox keyset page', times.keysetPage, 2);
      pair('inbox.locationPage', 'inbox page, one location', times.locationPage, 2);
      pair('inbox.unreadPage', 'inbox page, unread only', times.unreadPage, 2);
      pair('inbox.openPage', 'inbox view Open', times.openPage, 2);
      pair('inbox.minePage', 'inbox view Mine (a desk member)', times.minePage, 2);
      pair('inbox.unassignedPage', 'inbox view Unassigned', times.unassignedPage, 2);
      pair('inbox.snoozedPage', 'inbox view Snoozed', times.snoozedPage, 2);
      pair('inbox.donePage', 'inbox view Done', times.donePage, 2);
      pair('inbox.unreadOpenPage', 'inbox view Open, own unread only', times.unreadOpenPage, 2);
      pair('inbox.counts', 'view counts, every location', times.counts, 10);
      pair('messages.latest', 'latest messages (long chat)', times.latestMessages, 2);
      pair('messages.older', 'older messages (long chat)', times.olderMessages, 2);
      pair('search', 'search, newest first', times.search, 10);
    } finally {
      closeDatabase(db);
    }
    const rawDb = openDatabase(join(runDir, 'raw.sqlite3'));
    const insert = rawInsertRate(rawDb, Math.min(2000, plan.sendMs));
    closeDatabase(rawDb);
    figures.push(figure('raw.insert.rate', 'raw better-sqlite3 insert, 1 per txn', 'rows/s', insert.perSecond, 'higher', null));

    log('Cold start of our server on the seeded file…');
    const server = await startInboxServer(entry, dataDir, staticDir);
    children.push(server);
    const raw = await startRawServer();
    children.push(raw);
    figures.push(figure('coldStart', 'cold start to /api/health', 'ms', server.startMs, 'lower', { label: 'raw socket.io server', value: raw.startMs }, 1000));

    const ownerToken = await signIn(server.url, BENCH_OWNER_EMAIL);
    const deskTokens: string[] = [];
    for (let index = 0; index < size.locations; index += 1) deskTokens.push(await signIn(server.url, benchDeskEmail(index)));

    log('Round trips of an inbox page request…');
    const owner = await connect(server.url, { token: ownerToken });
    const rawOne = await connect(raw.url);
    const inboxTrips = await roundTrips(owner, plan.iterations, 'conversation:list', {});
    const pingTrips = await roundTrips(rawOne, plan.iterations, 'ping', {});
    const inboxTrip = summarize(inboxTrips);
    const pingTrip = summarize(pingTrips);
    figures.push(figure('roundTrip.inbox.p50', 'inbox first page round trip p50', 'ms', inboxTrip.p50, 'lower', { label: 'raw socket.io ack', value: pingTrip.p50 }));
    figures.push(figure('roundTrip.inbox.p99', 'inbox first page round trip p99', 'ms', inboxTrip.p99, 'lower', { label: 'raw socket.io ack', value: pingTrip.p99 }));
    owner.close();
    rawOne.close();

    log(`Connecting ${clientCount} client sockets to each server…`);
    const clients = await connectMany(clientCount, (index) => connect(`${server.url}${CLIENT_NAMESPACE}`, { token: clientTokens.get(clientIds[index]!)! }));
    sockets.push(...clients);
    const rawSockets = await connectMany(clientCount, () => connect(raw.url));
    sockets.push(...rawSockets);

    for (const count of plan.connections) {
      log(`Durable sends at ${count} connection(s)…`);
      const sendFrom = (index: number): [string, unknown] => [
        'message:send',
        { appointmentId: clientIds[index]!, senderMessageId: randomUUID(), text: SEND_TEXT },
      ];
      const [ours, base] = await alternatingClosedLoops(
        plan.sendSlices,
        plan.sendMs / plan.sendSlices,
        (sliceMs) => closedLoopSlice(clients.slice(0, count), sliceMs, sendFrom, { serverCpu: server.cpuMs }),
        (sliceMs) => closedLoopSlice(rawSockets.slice(0, count), sliceMs, (index) => ['ping', sendFrom(index)[1]], { serverCpu: raw.cpuMs }),
      );
      if (ours.errors > 0) notes.push(`${ours.errors} sends failed at ${count} connections (first: ${ours.firstError}).`);
      const rawAck = 'raw socket.io ack';
      figures.push(figure(`send.c${count}.rate`, `durable send, ${count} conn`, 'msg/s', ours.perSecond, 'higher', { label: rawAck, value: base.perSecond }, count === 100 ? 10_000 : null));
      figures.push(figure(`send.c${count}.p50`, `durable send ack p50, ${count} conn`, 'ms', ours.latency.p50, 'lower', { label: rawAck, value: base.latency.p50 }));
      figures.push(figure(`send.c${count}.p99`, `durable send ack p99, ${count} conn`, 'ms', ours.latency.p99, 'lower', { label: rawAck, value: base.latency.p99 }, count === 100 ? 25 : null));
      figures.push(...cpuFigures(count, ours, base));
    }

    const staffCount = Math.max(size.locations, Math.round(plan.deliverySockets / 100));
    const senderCount = plan.deliverySockets - staffCount;
    log(`Delivery: ${senderCount} clients and ${staffCount} staff sockets, each sending every ${plan.deliveryIntervalMs} ms…`);
    const staff = await connectMany(staffCount, (index) => connect(server.url, { token: deskTokens[index % size.locations]! }));
    sockets.push(...staff);
    // Each staff socket replies to connected clients of its own location, round robin.
    const clientsAt = (location: number) => clientIds.slice(0, senderCount).filter((id) => locationOfClient(id, size) === location);
    const replyTargets = staff.map((_, index) => clientsAt((index % size.locations) + 1));
    const replyTurn = staff.map(() => 0);
    const idOfMessagePush = (push: unknown) => (push as { message?: { senderMessageId?: string } }).message?.senderMessageId ?? null;
    const [toStaff, toClients] = await Promise.all([
      deliveryLatency({
        senders: clients.slice(0, senderCount),
        intervalMs: plan.deliveryIntervalMs,
        durationMs: plan.deliveryMs,
        send: (index, id) => ['message:send', { appointmentId: clientIds[index]!, senderMessageId: id, text: SEND_TEXT }],
        receivers: staff,
        pushEvent: 'message:created',
        idOf: idOfMessagePush,
      }),
      deliveryLatency({
        senders: staff,
        intervalMs: plan.deliveryIntervalMs,
        durationMs: plan.deliveryMs,
        send: (index, id) => {
          const targets = replyTargets[index]!;
          const clientId = targets[replyTurn[index]! % targets.length]!;
          replyTurn[index]! += 1;
          return ['message:send', { conversationId: clientId, senderMessageId: id, text: 'Yes, 3 pm works.' }];
        },
        receivers: clients.slice(0, senderCount),
        pushEvent: 'message:created',
        idOf: idOfMessagePush,
      }),
    ]);
    const ourRss = server.rssMb();
    if (toStaff.errors + toClients.errors > 0) notes.push(`${toStaff.errors + toClients.errors} delivery sends failed.`);

    // The same fan-out as ours: watcher i joins the room of desk i's location, and each sender
    // relays to its client's location.
    const watchers = rawSockets.slice(senderCount, senderCount + staffCount);
    for (const [index, watcher] of watchers.entries()) await watcher.timeout(30_000).emitWithAck('watch', `location-${(index % size.locations) + 1}`);
    const rawDelivery = await deliveryLatency({
      senders: rawSockets.slice(0, senderCount),
      intervalMs: plan.deliveryIntervalMs,
      durationMs: plan.deliveryMs,
      send: (index, id) => ['relay', { id, room: `location-${locationOfClient(clientIds[index]!, size)}` }],
      receivers: watchers,
      pushEvent: 'relayed',
      idOf: (push) => (push as { id?: string }).id ?? null,
    });
    const rawRss = raw.rssMb();
    const relay = 'raw socket.io relay';
    const sockets1k = `${plan.deliverySockets} sockets × 1 msg/${plan.deliveryIntervalMs / 1000}s`;
    figures.push(figure('delivery.toStaff.p50', `client → staff p50, ${sockets1k}`, 'ms', toStaff.latency.p50, 'lower', { label: relay, value: rawDelivery.latency.p50 }));
    figures.push(figure('delivery.toStaff.p99', `client → staff p99, ${sockets1k}`, 'ms', toStaff.latency.p99, 'lower', { label: relay, value: rawDelivery.latency.p99 }, 25));
    figures.push(figure('delivery.toClient.p50', `staff → client p50, ${sockets1k}`, 'ms', toClients.latency.p50, 'lower', { label: relay, value: rawDelivery.latency.p50 }));
    figures.push(figure('delivery.toClient.p99', `staff → client p99, ${sockets1k}`, 'ms', toClients.latency.p99, 'lower', { label: relay, value: rawDelivery.latency.p99 }, 25));
    figures.push(figure('memory.rss', `server RSS at ${clientCount + staffCount} connections`, 'MB', ourRss, 'lower', { label: 'raw socket.io server', value: rawRss }, 250));
  } finally {
    closeAll(sockets);
    await Promise.all(children.map((child) => child.stop()));
    rmSync(runDir, { recursive: true, force: true });
  }

  const cpuList = cpus();
  return {
    version: BENCH_RESULT_VERSION,
    startedAt,
    mode: options.mode,
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      totalMemoryMb: Math.round(totalmem() / 2 ** 20),
      node: process.version,
      platform: `${process.platform} (free memory at the end: ${Math.round(freemem() / 2 ** 20)} MB)`,
    },
    seed: { conversations: size.conversations, messages: size.messages, longConversations: size.longConversations, seedSeconds: seeded },
    server: options.server === 'built' ? 'out/main/server.js (npm run build)' : 'server/main.ts via jiti',
    figures,
    notes,
  };
}
