// `npm run bench:desktop -- --first-rows`: only the time from the sign-in answer to the first
// conversation rows, step by step, on the demo salon and on the 1M-message workspace in the same
// run. Each workspace's server starts once; the owner signs in `attempts` times, each in a
// fresh page with nothing stored (no offline copy), and each step's median is reported. A
// minute or two instead of the full footprint's five, for measuring this one figure often.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { BENCH_RESULT_VERSION, type BenchResult, type Figure } from '../report';
import { builtServerExists, BUILT_SERVER, startInboxServer, type Child } from '../processes';
import { SEED_SIZES } from '../seed';
import { medianTimeline, timelineFigures, timelineOf, type FirstRowsTimeline } from './firstRowsTimeline';
import { launchBrowser, openRenderer } from './renderer';
import { prepareDemo, prepareSeeded, type PreparedWorkspace } from './workspaces';

const BIG = SEED_SIZES.full;
const RENDERER_DIR = resolve('out', 'renderer');
/** Sign-ins before the measured ones: the server's and the browser's first-time work. */
const WARM_UPS = 1;

async function signInsOn(
  label: string,
  prepare: (dataDir: string) => PreparedWorkspace,
  browser: Browser,
  attempts: number,
  log: (line: string) => void,
): Promise<FirstRowsTimeline[]> {
  const runDir = mkdtempSync(join(tmpdir(), 'inbox-first-rows-'));
  let server: Child | null = null;
  try {
    const dataDir = join(runDir, 'data');
    mkdirSync(dataDir, { recursive: true });
    log(`${label}: preparing the workspace…`);
    const workspace = prepare(dataDir);
    server = await startInboxServer(BUILT_SERVER, dataDir, RENDERER_DIR, { embedded: true });
    const timelines: FirstRowsTimeline[] = [];
    for (let attempt = 0; attempt < WARM_UPS + attempts; attempt += 1) {
      const renderer = await openRenderer(server.url, browser);
      try {
        await renderer.signIn(workspace.email, workspace.password);
        const timeline = timelineOf(await renderer.probe());
        if (attempt >= WARM_UPS) timelines.push(timeline);
        log(`${label}: sign-in ${attempt + 1 - WARM_UPS}/${attempts}${attempt < WARM_UPS ? ' (warm-up)' : ''}: rows after ${timeline.rowsMs?.toFixed(0) ?? '?'} ms (first page from ${timeline.firstPageSource ?? '?'}), load ${loadavg()[0]!.toFixed(1)}`);
      } finally {
        await renderer.close();
      }
    }
    return timelines;
  } finally {
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

export async function runFirstRows(options: { attempts: number; log?: (line: string) => void }): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  if (!builtServerExists() || !existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('The built server or renderer is missing: run npm run build first.');
  const startedAt = new Date().toISOString();
  const now = Date.now();
  const loadAtStart = loadavg()[0]!;
  let seedSeconds: number | null = null;
  const browser = await launchBrowser();
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const workspaces = [
      { key: 'demo', label: 'demo', prepare: (dataDir: string) => prepareDemo(dataDir, 0, now) },
      {
        key: '1m',
        label: '1M messages',
        prepare: (dataDir: string) => {
          const prepared = prepareSeeded(dataDir, BIG, 0, now);
          seedSeconds = prepared.seedSeconds;
          return prepared;
        },
      },
    ];
    for (const { key, label, prepare } of workspaces) {
      const timelines = await signInsOn(label, prepare, browser, options.attempts, log);
      const rows = timelines.map((timeline) => timeline.rowsMs).filter((value) => value !== null);
      figures.push(...timelineFigures(key, label, medianTimeline(timelines)));
      notes.push(`${label}: medians of ${timelines.length} sign-ins; first rows after ${rows.map((value) => value.toFixed(0)).join(', ')} ms.`);
    }
  } finally {
    await browser.close();
  }
  notes.push(`Load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${cpus().length} cores.`);
  const cpuList = cpus();
  return {
    version: BENCH_RESULT_VERSION,
    startedAt,
    mode: 'quick',
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
    notes,
  };
}
