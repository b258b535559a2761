// The built renderer in Chromium (Debian's, driven by Playwright as the e2e specs drive it),
// instrumented from inside the page: when the sign-in answer arrived, when the first
// conversation row entered the DOM and was painted, the app's own startup marks, long tasks,
// notifications shown; and measured through CDP:
// the JS heap after a forced GC and the DOM's node count.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { routes } from '../../../shared/http';
import { STARTUP_MARKS, type StartupMark } from '../../../shared/startupMarks';
import { childrenMatching, treeMemory } from './processMemory';
import type { StageSample } from './figures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The e2e specs' flags (playwright.config.ts). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type PageProbe = {
  signInAnsweredAt: number | null;
  socketOpenedAt: number | null;
  firstPageAt: number | null;
  firstRowAt: number | null;
  /** After the frame that drew the first row (a task queued from the next animation frame). */
  firstRowPaintedAt: number | null;
  /** The app's startup marks (shared/startupMarks.ts), on the same clock. */
  marks: Partial<Record<StartupMark, number>>;
  longTasks: number[];
  notifications: number;
};

/** Runs in the page before its own scripts (plain JS: this project is compiled without the
 * DOM's types). The sign-in answer is when the page's fetch of the sign-in route resolves; the
 * first row is when React commits one to the DOM (a MutationObserver, before paint). */
const probeScript = (signInPath: string) => `
(() => {
  const probe = { signInAnsweredAt: null, socketOpenedAt: null, firstPageAt: null, firstRowAt: null, firstRowPaintedAt: null, marks: {}, longTasks: [], notifications: 0 };
  window.footprintProbe = probe;
  const pageFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await pageFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname === ${JSON.stringify(signInPath)} && response.ok) probe.signInAnsweredAt = performance.now();
    return response;
  };
  // Where the time to the first rows goes: the socket opened, the first inbox page answered.
  const PageWebSocket = window.WebSocket;
  window.WebSocket = class extends PageWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (probe.socketOpenedAt === null && probe.signInAnsweredAt !== null) probe.socketOpenedAt = performance.now();
      this.addEventListener('message', (event) => {
        if (probe.firstPageAt === null && typeof event.data === 'string' && event.data.startsWith('43') && event.data.includes('"items"')) {
          probe.firstPageAt = performance.now();
        }
      });
    }
  };
  const rows = new MutationObserver(() => {
    if (probe.signInAnsweredAt === null || !document.querySelector('[data-testid="conversation-item"]')) return;
    probe.firstRowAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => { probe.firstRowPaintedAt = performance.now(); }));
    rows.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => rows.observe(document.body, { childList: true, subtree: true }));
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => probe.longTasks.push(entry.duration)))
    .observe({ type: 'longtask', buffered: true });
  const PageNotification = window.Notification;
  if (PageNotification) {
    window.Notification = class extends PageNotification {
      constructor(title, options) {
        super(title, options);
        probe.notifications += 1;
      }
    };
  }
})();`;

export type RendererSession = {
  page: Page;
  /** Signs in through the form; resolves once the first conversation row is painted. */
  signIn(email: string, password: string): Promise<void>;
  probe(): Promise<PageProbe>;
  /** Heap after a forced GC, DOM nodes, and the whole browser tree's PSS. */
  sample(): Promise<StageSample>;
  close(): Promise<void>;
};

const MARK_NAMES = JSON.stringify(Object.values(STARTUP_MARKS));

const readProbe = (page: Page) =>
  page.evaluate(`(() => {
    const marks = {};
    for (const entry of performance.getEntriesByType('mark')) if (${MARK_NAMES}.includes(entry.name)) marks[entry.name] = entry.startTime;
    return { ...window.footprintProbe, marks };
  })()`) as Promise<PageProbe>;

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/** A fresh page (its own storage) in `shared` if given (closing it then closes only the page's
 * context), else in a browser of its own. */
export async function openRenderer(serverUrl: string, shared?: Browser): Promise<RendererSession> {
  const browser: Browser = shared ?? (await launchBrowser());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['notifications'], { origin: serverUrl });
  const page = await context.newPage();
  await page.addInitScript({ content: probeScript(routes.signIn) });
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const browserRoots = childrenMatching(process.pid, /chrom/i);

  return {
    page,
    async signIn(email, password) {
      await page.goto(serverUrl);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('conversation-item').first().waitFor({ timeout: 60_000 });
      // The probe notes the paint a frame after the rows: let that frame pass.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
    },
    probe: () => readProbe(page),
    async sample() {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const nodes = metrics.find((metric) => metric.name === 'Nodes')?.value ?? null;
      return { heapMb: heap.usedSize / 1024 / 1024, domNodes: nodes, browserPssMb: treeMemory(browserRoots)?.pssMb ?? null };
    },
    async close() {
      await (shared ? context.close() : browser.close());
    },
  };
}

/** Opens `count` conversations one after another from the inbox list, by keyboard as a
 * receptionist would (arrow down, Enter), back to the top at the end of a short list; each
 * open waits for its messages. */
export async function openConversations(page: Page, count: number): Promise<void> {
  await page.getByTestId('conversation-item').first().click();
  await waitForOpenConversation(page);
  for (let opened = 1; opened < count; opened += 1) {
    const atEnd = (await page.evaluate(`(() => {
      const row = document.activeElement?.closest('li[data-index]');
      return !row || Number(row.getAttribute('data-index')) + 1 >= Number(row.getAttribute('aria-setsize'));
    })()`)) as boolean;
    await page.keyboard.press(atEnd ? 'Home' : 'ArrowDown');
    await page.keyboard.press('Enter');
    await waitForOpenConversation(page);
  }
}

/** Polls an expression in the page until it is true. (Playwright's waitForFunction compiles its
 * predicate with eval inside the page, which the renderer's Content Security Policy refuses;
 * an expression evaluated over CDP is not subject to it.) */
async function waitUntil(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitForOpenConversation(page: Page): Promise<void> {
  await waitUntil(
    page,
    `document.activeElement?.getAttribute('aria-current') === 'true' &&
      document.querySelector('[aria-label="Messages"] [data-testid="message"]') !== null`,
  );
}

/** Opens the conversation at the top of the inbox (the latest activity) and replies in it. */
export async function replyToLatest(page: Page, text: string): Promise<void> {
  // Dispatched, not clicked: rows move as messages arrive, and a click waits for its target to
  // hold still.
  await page.getByTestId('conversation-item').first().dispatchEvent('click');
  const reply = page.getByLabel('Reply');
  await reply.fill(text);
  await reply.press('Enter');
  await waitUntil(page, `document.querySelector('textarea.composer__input')?.value === ''`);
}
