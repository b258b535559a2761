// Settings → This computer in the desktop app: the Updates card (turned off by IT; "Restart to
// update" waiting for the replies still to be sent, live as the count changes) and Help from
// support. The Electron binary is not available here, so the page gets a stand-in for the
// preload's bridge (window.desktop), scripted by the test: the renderer's side of the IPC, with
// the preference cache in localStorage. Main's side is tested under Node (electron/main).
import type { Page } from '@playwright/test';
import type { DesktopBridge } from '../shared/bridge';
import { DEFAULT_MANAGED_SETTINGS, type ManagedConfigView, type UpdateStatus } from '../shared/ipc';
import { expect, expectAccessible, test } from './fixtures';
import { signIn } from './staff';

declare global {
  interface Window {
    desktopStandIn: { calls: string[]; push(status: UpdateStatus): void };
  }
}

const READY: UpdateStatus = {
  state: 'ready',
  offReason: null,
  currentVersion: '0.1.0',
  version: '0.2.0',
  percent: 100,
  feedUrl: 'https://inbox.salon.example/updates/',
  checkedAt: Date.UTC(2026, 2, 2, 9, 0),
  waitingReplies: 2,
  installRequested: false,
  problem: null,
};

async function standInDesktop(page: Page, view: ManagedConfigView, status: UpdateStatus): Promise<void> {
  await page.addInitScript(
    ({ view, status }) => {
      const listeners = new Set<(next: UpdateStatus) => void>();
      let current = status;
      const calls: string[] = [];
      const prefKey = (key: string) => `desktop-pref:${key}`;
      window.desktopStandIn = {
        calls,
        push(next) {
          current = next;
          for (const listener of listeners) listener(next);
        },
      };
      const bridge: DesktopBridge = {
        kind: 'electron',
        serverUrl: () => Promise.resolve(window.location.origin),
        notify: () => undefined,
        onNotificationClick: () => () => undefined,
        setBadgeCount: () => undefined,
        readPref: (key) => {
          const stored = window.localStorage.getItem(prefKey(key));
          return Promise.resolve(stored === null ? undefined : (JSON.parse(stored) as unknown));
        },
        writePref: (key, value) => {
          if (value === undefined) window.localStorage.removeItem(prefKey(key));
          else window.localStorage.setItem(prefKey(key), JSON.stringify(value));
          return Promise.resolve();
        },
        managedConfig: () => Promise.resolve(view),
        chooseSetting: () => Promise.reject(new Error('Not in this test.')),
        testNotification: () => Promise.resolve({ outcome: 'shown', advice: 'A test notification was shown.' }),
        updateStatus: () => Promise.resolve(current),
        checkForUpdates: () => {
          calls.push('check');
          return Promise.resolve(current);
        },
        installUpdate: () => {
          calls.push('install');
          current = { ...current, installRequested: true };
          return Promise.resolve(current);
        },
        onUpdateStatus: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        openLogsFolder: () => {
          calls.push('open-logs');
          return Promise.resolve();
        },
        copyDiagnostics: () => {
          calls.push('copy-diagnostics');
          return Promise.resolve('Front Desk Inbox diagnostics');
        },
      };
      Object.defineProperty(window, 'desktop', { value: bridge });
    },
    { view, status },
  );
}

async function openThisComputer(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'This computer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This computer', level: 1 })).toBeVisible();
}

test('IT turned automatic updates off: This computer says so and offers nothing to do', async ({ page, server }) => {
  await standInDesktop(
    page,
    { settings: { ...DEFAULT_MANAGED_SETTINGS, autoUpdate: false }, locked: ['autoUpdate'], problem: null },
    { ...READY, state: 'off', offReason: 'managed', version: null, waitingReplies: 0, feedUrl: null },
  );
  await signIn(page, server.url, 'marcus@lumen.example');
  await openThisComputer(page);

  const row = page.locator('[data-setting="autoUpdate"]');
  await expect(row).toContainText('Off');
  await expect(row).toContainText('Managed by IT');
  const updates = page.getByTestId('updates');
  await expect(updates.getByRole('status')).toContainText('Automatic updates are turned off by your IT team.');
  await expect(updates.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'This computer (desktop, updates off)');
});

test('"Restart to update" waits for the replies still to be sent, and says how many', async ({ page, server }) => {
  await standInDesktop(page, { settings: DEFAULT_MANAGED_SETTINGS, locked: [], problem: null }, READY);
  await signIn(page, server.url, 'marcus@lumen.example');
  await openThisComputer(page);

  const updates = page.getByTestId('updates');
  await expect(updates.getByRole('status')).toContainText('Version 0.2.0 is ready.');
  await expect(updates.getByRole('status')).toContainText('It installs when the app quits, after the 2 replies waiting to be sent have gone.');
  await updates.getByRole('button', { name: 'Restart to update' }).click();
  await expect(updates.getByRole('status')).toContainText('Version 0.2.0 installs once 2 replies waiting to be sent have gone.');
  await expect(updates.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);

  // Main pushes the new count as the outbox empties.
  await page.evaluate((status) => window.desktopStandIn.push(status), { ...READY, waitingReplies: 1, installRequested: true });
  await expect(updates.getByRole('status')).toContainText('installs once 1 reply waiting to be sent has gone.');
  expect(await page.evaluate(() => window.desktopStandIn.calls)).toEqual(['install']);
});

test('Help from support opens the logs folder and copies diagnostics', async ({ page, server }) => {
  await standInDesktop(page, { settings: DEFAULT_MANAGED_SETTINGS, locked: [], problem: null }, { ...READY, state: 'up-to-date', version: null, waitingReplies: 0 });
  await signIn(page, server.url, 'marcus@lumen.example');
  await openThisComputer(page);

  const support = page.getByTestId('support');
  await support.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(support.getByRole('status')).toHaveText('Diagnostics copied. Paste them into your message to support.');
  await support.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(support.getByRole('status')).toHaveText('The logs folder is open.');
  await page.getByTestId('updates').getByRole('button', { name: 'Check for updates' }).click();
  await expect.poll(() => page.evaluate(() => window.desktopStandIn.calls)).toEqual(['copy-diagnostics', 'open-logs', 'check']);
  await expectAccessible(page, 'This computer (desktop)');
});
