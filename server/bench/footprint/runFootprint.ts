// The desktop's footprint: the built renderer in Chromium against our real server (a child
// process, so its memory is its own), on the demo salon and on the 1M-message workspace. For
// each: sign-in answer → first rows, the renderer's heap, DOM and long tasks after load, after
// opening 50 conversations and after a working day, the browser's and the server's memory.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CHECKPOINT_IDLE_STOP_MS } from '../../db/checkpointer';
import { IDLE_TRIM_AFTER_MS } from '../../idleMemory';
import { SEARCH_INDEX_IDLE_STOP_MS } from '../../search/searchIndexer';
import { BENCH_RESULT_VERSION, type BenchResult, type Figure } from '../report';
import { builtServerExists, BUILT_SERVER, startInboxServer, type Child } from '../processes';
import { SEED_SIZES } from '../seed';
import { describeDay, footprintFigures, minus, type WorkspaceRun } from './figures';
import { timelineFigures, timelineOf, type FirstRowsTimeline } from './firstRowsTimeline';
import { memoryOf } from './processMemory';
import { openConversations, openRenderer } from './renderer';
import { workingDay } from './workingDay';
import { prepareDemo, prepareSeeded, type PreparedWorkspace } from './workspaces';

export type FootprintMode = 'full' | 'quick';

type FootprintPlan = { dayClients: number; messages: number; messagesPerSecond: number; opens: number };

const PLANS: Record<FootprintMode, FootprintPlan> = {
  full: { dayClients: 300, messages: 3000, messagesPerSecond: 40, opens: 50 },
  quick: { dayClients: 60, messages: 300, messagesPerSecond: 40, opens: 50 },
};

/** The 1M-message workspace of `npm run bench` (the same cached seed). */
const BIG = SEED_SIZES.full;
const RENDERER_DIR = resolve('out', 'renderer');
/** How long nothing happens before "idle" is measured: longer than the server's workers wait with
 * nothing to do before they stop, and than it waits before giving memory back (idleMemory.ts). */
export const IDLE_WAIT_MS = Math.max(CHECKPOINT_IDLE_STOP_MS, SEARCH_INDEX_IDLE_STOP_MS, IDLE_TRIM_AFTER_MS) + 10_000;
/** After the day, for the last pushes and the acks' writes to settle. */
const AFTER_DAY_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measureWorkspace(
  key: string,
  label: string,
  prepare: (dataDir: string) => PreparedWorkspace,
  plan: FootprintPlan,
  log: (line: string) => void,
): Promise<{ run: WorkspaceRun; timeline: FirstRowsTimeline }> {
  const runDir = mkdtempSync(join(tmpdir(), 'inbox-footprint-'));
  let server: Child | null = null;
  let renderer: Awaited<ReturnType<typeof openRenderer>> | null = null;
  try {
    const dataDir = join(runDir, 'data');
    mkdirSync(dataDir, { recursive: true });
    log(`${label}: preparing the workspace…`);
    const workspace = prepare(dataDir);
    // As the desktop app starts its embedded server.
    server = await startInboxServer(BUILT_SERVER, dataDir, RENDERER_DIR, { embedded: true });
    renderer = await openRenderer(server.url);
    log(`${label}: signing in…`);
    await renderer.signIn(workspace.email, workspace.password);
    const signedIn = await renderer.probe();
    const firstRowsMs = minus(signedIn.firstRowAt, signedIn.signInAnsweredAt);
    const firstRowsParts = { toSocketMs: minus(signedIn.socketOpenedAt, signedIn.signInAnsweredAt), toFirstPageMs: minus(signedIn.firstPageAt, signedIn.socketOpenedAt) };

    log(`${label}: idle for ${IDLE_WAIT_MS / 1000} s…`);
    await sleep(IDLE_WAIT_MS);
    const idle = memoryOf(server.pid);
    const load = await renderer.sample();

    log(`${label}: opening ${plan.opens} conversations…`);
    await openConversations(renderer.page, plan.opens);
    const opened = await renderer.sample();

    log(`${label}: the working day (${plan.messages} client messages from ${plan.dayClients} clients)…`);
    const day = await workingDay(renderer.page, server.url, workspace.clients, { messages: plan.messages, messagesPerSecond: plan.messagesPerSecond, seed: 20261202 });
    if (day.failed > 0) log(`${label}: ${day.failed} client sends failed`);
    await sleep(AFTER_DAY_MS);
    const afterDay = memoryOf(server.pid);
    const dayStage = await renderer.sample();
    const ended = await renderer.probe();
    const run: WorkspaceRun = {
      key,
      label,
      firstRowsMs,
      firstRowsParts,
      stages: { load, opened, day: dayStage },
      longTasks: { count: ended.longTasks.length, totalMs: ended.longTasks.reduce((sum, duration) => sum + duration, 0) },
      server: { idle: { pssMb: idle?.pssMb ?? null, rssMb: idle?.rssMb ?? null }, day: { pssMb: afterDay?.pssMb ?? null, rssMb: afterDay?.rssMb ?? null } },
      day: { clientMessages: day.clientMessages - day.failed, conversations: day.conversations, replies: day.replies, opens: day.opens, notifications: ended.notifications },
    };
    return { run, timeline: timelineOf(signedIn) };
  } finally {
    await renderer?.close();
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

export async function runFootprint(options: { mode: FootprintMode; log?: (line: string) => void }): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const plan = PLANS[options.mode];
  if (!builtServerExists() || !existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('The built server or renderer is missing: run npm run build first.');
  const startedAt = new Date().toISOString();
  const now = Date.now();
  let seedSeconds: number | null = null;
  const measured: { run: WorkspaceRun; timeline: FirstRowsTimeline }[] = [];
  measured.push(await measureWorkspace('demo', 'demo', (dataDir) => prepareDemo(dataDir, plan.dayClients, now), plan, log));
  measured.push(
    await measureWorkspace(
      '1m',
      '1M messages',
      (dataDir) => {
        const prepared = prepareSeeded(dataDir, BIG, plan.dayClients, now);
        seedSeconds = prepared.seedSeconds;
        return prepared;
      },
      plan,
      log,
    ),
  );
  const runs = measured.map(({ run }) => run);
  const figures: Figure[] = measured.flatMap(({ run, timeline }) => [...footprintFigures(run), ...timelineFigures(run.key, run.label, timeline)]);
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
    seed: { conversations: BIG.conversations, messages: BIG.messages, longConversations: BIG.longConversations, seedSeconds },
    server: 'out/main/server.js (npm run build), renderer out/renderer in Chromium',
    figures,
    notes: runs.map(describeDay),
  };
}
