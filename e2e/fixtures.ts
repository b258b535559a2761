// Playwright fixtures: every test gets its own real server (built out/main/server.js) on
// 127.0.0.1:0 with a fresh SQLite file and the demo workspace.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { clientTokenResponseSchema, LISTENING_LINE_PREFIX, routes } from '../shared/http';
import { startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from '../server/testing/deliverySinks';

const SERVER_ENTRY = resolve('out/main/server.js');
const START_TIMEOUT_MS = 15_000;

export interface InboxServer {
  readonly url: string;
  /** The client page URL for a demo client, with a token issued by the integration API. */
  clientPageUrl(clientId: number): Promise<string>;
  /** A call to the integration API as the booking system makes it (with its key); the JSON answer. */
  integration(method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown>;
  /** The server's SQLite file, for a spec that must age data as time passing would. */
  readonly databaseFile: string;
}

/** The email and text providers a salon set up: real servers on 127.0.0.1 (server/testing). */
export interface DeliveryProviders {
  readonly smtp: SmtpSink;
  readonly sms: SmsSink;
}

/** `demo`: the demo salon, as `npm start` runs it. `setup`: an empty inbox waiting for its
 * first-run screen, as an installed app starts it on a new computer. With `providers`, the
 * server sends client emails and texts to them (without, as `npm start`: neither is set up). */
async function startServer(firstRun: 'demo' | 'setup' = 'demo', providers: DeliveryProviders | null = null): Promise<InboxServer & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inbox-e2e-'));
  const integrationKey = `e2e-${Math.random().toString(36).slice(2)}`;
  const providerEnv = providers
    ? {
        INBOX_SMTP_HOST: providers.smtp.config.host,
        INBOX_SMTP_PORT: String(providers.smtp.config.port),
        INBOX_SMTP_FROM: providers.smtp.config.from,
        INBOX_SMS_URL: providers.sms.config.url,
        INBOX_SMS_KEY: providers.sms.config.key,
      }
    : {};
  const child = spawn(
    process.execPath,
    [SERVER_ENTRY, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, `--${firstRun}`, '--integration-key', integrationKey],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...providerEnv } },
  );
  const url = await waitForListening(child);

  const integration = async (method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${integrationKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  };
  return {
    url,
    integration,
    databaseFile: join(dataDir, 'inbox.sqlite3'),
    async clientPageUrl(clientId) {
      return clientTokenResponseSchema.parse(await integration('POST', routes.integrationClientToken, { clientId })).clientPageUrl;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForListening(child: ChildProcess): Promise<string> {
  const output: string[] = [];
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`Server ${why}. Is the app built (npm run build)?\n${output.join('\n')}`));
    };
    child.once('exit', (code) => fail(`exited with code ${code}`));
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.startsWith(LISTENING_LINE_PREFIX)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolveUrl(line.slice(LISTENING_LINE_PREFIX.length).trim());
      }
    });
  });
}

export const test = base.extend<{ server: InboxServer; newServer: InboxServer; providerServer: InboxServer & DeliveryProviders }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern.
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern.
  newServer: async ({}, use) => {
    const server = await startServer('setup');
    await use(server);
    await server.stop();
  },
  /** The demo salon with email and text providers set up. */
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern.
  providerServer: async ({}, use) => {
    const providers = { smtp: await startSmtpSink(), sms: await startSmsSink() };
    const server = await startServer('demo', providers);
    await use(Object.assign(server, providers));
    await server.stop();
    await Promise.all([providers.smtp.close(), providers.sms.close()]);
  },
});

export { expect };

/** Fails the test with the list of axe-core violations on the current screen, if any. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // page.goto resolves at `load`, which can come before React's first render: wait for the
  // screen itself (every screen has its main landmark) before judging it.
  await expect(page.getByRole('main').first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility violations on ${screen}`).toEqual([]);
}
