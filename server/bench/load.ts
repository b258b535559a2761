// Load from real socket.io-client connections in the bench process: closed-loop request
// streams (each connection sends, waits for its ack, sends again) and open-loop delivery at a
// fixed rate per connection, with latencies taken on this process's clock.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { msSince, summarize, type Summary } from './stats';

export function connect(url: string, auth?: { token: string }): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Opens `count` connections, `parallel` at a time (a burst of 1000 handshakes at once would
 * measure the accept queue, not the server). */
export async function connectMany(count: number, open: (index: number) => Promise<Socket>, parallel = 50): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, offset) => open(start + offset)));
    sockets.push(...batch);
  }
  return sockets;
}

export const closeAll = (sockets: readonly Socket[]) => sockets.forEach((socket) => socket.close());

type AckResult = { ok: boolean; error?: { code: string; message: string } };

/** CPU time a process has used so far (all its threads), in ms; null where it cannot be read. */
export type CpuClock = () => number | null;

const thisProcessCpuMs: CpuClock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** One measured stretch of a closed loop: every ok ack's latency, how long it measured, and the
 * CPU the server and this driving process used meanwhile (null where unreadable). */
export type LoopSlice = {
  latencies: number[];
  elapsedMs: number;
  errors: number;
  firstError: string | null;
  serverCpuMs: number | null;
  driverCpuMs: number | null;
};

export type ClosedLoopResult = {
  perSecond: number;
  latency: Summary;
  errors: number;
  firstError: string | null;
  /** CPU per ok ack, in µs, of the server and of the process driving it. */
  serverCpuUsPerAck: number | null;
  driverCpuUsPerAck: number | null;
};

const cpuSince = (clock: CpuClock, before: number | null): number | null => {
  const now = clock();
  return now === null || before === null ? null : now - before;
};

/** Every socket sends, waits for the ack, sends again, until `durationMs` has passed (after an
 * unmeasured warm-up). Only ok acks count towards throughput and latency. `serverCpu` reads the
 * server's CPU clock, so the slice also says what each ack cost it. */
export async function closedLoopSlice(
  sockets: readonly Socket[],
  durationMs: number,
  request: (socketIndex: number) => [event: string, payload: unknown],
  { serverCpu = () => null, warmupMs = Math.min(1000, durationMs / 4) }: { serverCpu?: CpuClock; warmupMs?: number } = {},
): Promise<LoopSlice> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let measuring = false;
  let stop = false;
  const loops = sockets.map(async (socket, index) => {
    while (!stop) {
      const [event, payload] = request(index);
      const start = process.hrtime.bigint();
      const result = (await socket.timeout(30_000).emitWithAck(event, payload).catch((error: Error) => ({ ok: false, error: { code: 'timeout', message: error.message } }))) as AckResult;
      if (!measuring) continue;
      if (result.ok) latencies.push(msSince(start));
      else {
        errors += 1;
        firstError ??= `${result.error?.code}: ${result.error?.message}`;
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, warmupMs));
  measuring = true;
  const started = process.hrtime.bigint();
  const serverBefore = serverCpu();
  const driverBefore = thisProcessCpuMs();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  measuring = false;
  const elapsedMs = msSince(started);
  const serverCpuMs = cpuSince(serverCpu, serverBefore);
  const driverUsed = cpuSince(thisProcessCpuMs, driverBefore);
  stop = true;
  await Promise.all(loops);
  return { latencies, elapsedMs, errors, firstError, serverCpuMs, driverCpuMs: driverUsed };
}

/** Total CPU of the slices in µs per ok ack; null if any slice could not read it. */
function cpuPerAck(slices: readonly LoopSlice[], of: (slice: LoopSlice) => number | null, acks: number): number | null {
  const used = slices.map(of);
  if (acks === 0 || used.some((value) => value === null)) return null;
  return ((used as number[]).reduce((sum, value) => sum + value, 0) * 1000) / acks;
}

/** Several slices of one closed loop as one result: acks over all measured time, latency
 * percentiles over all samples. */
export function combineSlices(slices: readonly LoopSlice[]): ClosedLoopResult {
  const latencies = slices.flatMap((slice) => slice.latencies);
  const elapsedMs = slices.reduce((sum, slice) => sum + slice.elapsedMs, 0);
  return {
    perSecond: elapsedMs > 0 ? (latencies.length / elapsedMs) * 1000 : 0,
    latency: summarize(latencies),
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    firstError: slices.find((slice) => slice.firstError !== null)?.firstError ?? null,
    serverCpuUsPerAck: cpuPerAck(slices, (slice) => slice.serverCpuMs, latencies.length),
    driverCpuUsPerAck: cpuPerAck(slices, (slice) => slice.driverCpuMs, latencies.length),
  };
}

/** Two closed loops measured in alternating slices (a, b, a, b, …), so a busier stretch of a
 * shared machine slows both of them, not whichever happened to run during it. */
export async function alternatingClosedLoops(
  slices: number,
  sliceMs: number,
  a: (durationMs: number) => Promise<LoopSlice>,
  b: (durationMs: number) => Promise<LoopSlice>,
): Promise<[ClosedLoopResult, ClosedLoopResult]> {
  const ofA: LoopSlice[] = [];
  const ofB: LoopSlice[] = [];
  for (let slice = 0; slice < slices; slice += 1) {
    ofA.push(await a(sliceMs));
    ofB.push(await b(sliceMs));
  }
  return [combineSlices(ofA), combineSlices(ofB)];
}

export type RateLoad = {
  /** Sockets that each send one message per `intervalMs`. */
  senders: readonly Socket[];
  intervalMs: number;
  durationMs: number;
  /** The event and payload of one send; the id must come back in the delivered push. */
  send: (senderIndex: number, id: string) => [event: string, payload: unknown];
  /** Where deliveries arrive, and how to read the id back from a push. */
  receivers: readonly Socket[];
  pushEvent: string;
  idOf: (push: unknown) => string | null;
};

/** Open loop: every sender sends at a fixed rate (staggered), and each push a receiver gets for
 * one of those sends yields a send-to-delivery latency. */
export async function deliveryLatency(load: RateLoad): Promise<{ latency: Summary; sent: number; errors: number }> {
  const sentAt = new Map<string, bigint>();
  const latencies: number[] = [];
  let errors = 0;
  const onPush = (push: unknown) => {
    const id = load.idOf(push);
    const start = id === null ? undefined : sentAt.get(id);
    if (start !== undefined) latencies.push(msSince(start));
  };
  for (const receiver of load.receivers) receiver.on(load.pushEvent, onPush);
  const timers: NodeJS.Timeout[] = [];
  load.senders.forEach((socket, index) => {
    const fire = () => {
      const id = randomUUID();
      const [event, payload] = load.send(index, id);
      sentAt.set(id, process.hrtime.bigint());
      socket.timeout(30_000).emit(event, payload, (error: Error | null, result: AckResult) => {
        if (error || !result.ok) errors += 1;
      });
    };
    const offset = Math.floor((index / load.senders.length) * load.intervalMs);
    timers.push(setTimeout(() => {
      fire();
      timers.push(setInterval(fire, load.intervalMs));
    }, offset));
  });
  await new Promise((resolve) => setTimeout(resolve, load.durationMs));
  timers.forEach((timer) => clearInterval(timer));
  // Let the last sends arrive.
  await new Promise((resolve) => setTimeout(resolve, Math.min(2000, load.intervalMs)));
  for (const receiver of load.receivers) receiver.off(load.pushEvent, onPush);
  return { latency: summarize(latencies), sent: sentAt.size, errors };
}
