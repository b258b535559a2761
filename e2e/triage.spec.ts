// Triage from the conversation page: "Send and mark done" and the client reopening it, assigning
// to a colleague (who is notified and finds it under Mine), and a snooze that ends by itself
// while the page stays open. Each with a real server, real browsers and the client page.
import type { Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { routes, signInResponseSchema } from '../shared/http';
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, messageList, messages, signIn } from './staff';

const AVA = 1;

type RecordedNotification = { title: string; body: string };
declare global {
  interface Window {
    triageNotifications: RecordedNotification[];
    setTriageWindowFocused(focused: boolean): void;
  }
}

/** The browser's Notification API replaced by a recorder, so the web bridge's real notification
 * path runs without an OS prompt (as in liveChat.spec.ts). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.triageNotifications = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.triageNotifications.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    let focused = true;
    document.hasFocus = () => focused;
    window.setTriageWindowFocused = (value) => {
      focused = value;
      window.dispatchEvent(new Event(value ? 'focus' : 'blur'));
    };
  });
}

/** A member's own connection from the spec, to ask the server what a page cannot show yet. */
async function staffSocket(serverUrl: string, email: string): Promise<Socket> {
  const response = await fetch(new URL(routes.signIn, serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { token } = signInResponseSchema.parse(await response.json());
  const socket = io(serverUrl, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const request = <T>(socket: Socket, event: string, payload: unknown) =>
  new Promise<{ ok: true; data: T } | { ok: false; error: { code: string } }>((resolve) => socket.emit(event, payload, resolve));

async function clientWrites(client: Page, text: string): Promise<void> {
  await client.getByRole('textbox', { name: 'Message' }).fill(text);
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messageList(client).getByText(text, { exact: true })).toBeVisible();
}

const status = (page: Page) => page.getByTestId('triage-status');
const timelineEvents = (page: Page) => messageList(page).getByTestId('timeline-event');

async function openAva(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Ava Thompson/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Ava Thompson', level: 2 })).toBeVisible();
}

test('send and mark done, then the client writes and it is open again', async ({ browser, server }) => {
  const staff = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await openAva(staff);
  await expect(status(staff)).toHaveAttribute('data-status', 'open');

  await staff.getByRole('textbox', { name: 'Reply' }).fill('All booked, see you then.');
  await staff.getByRole('button', { name: 'Send and mark done' }).click();
  await expect(messageList(staff).getByText('All booked, see you then.', { exact: true })).toBeVisible();
  await expect(status(staff)).toHaveAttribute('data-status', 'done');
  await expect(status(staff)).toHaveText('Done');
  await expect(timelineEvents(staff).last()).toContainText('Priya Shah marked this done');
  await expect(staff.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expectAccessible(staff, 'conversation marked done');

  // The client page never shows the staff-only line.
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messageList(client).getByText('All booked, see you then.', { exact: true })).toBeVisible();
  await expect(client.getByTestId('timeline-event')).toHaveCount(0);
  await expect(client.getByText('marked this done')).toHaveCount(0);

  await clientWrites(client, 'Sorry, one more question!');
  await expect(status(staff)).toHaveAttribute('data-status', 'open');
  await expect(timelineEvents(staff).last()).toContainText('Reopened: Ava Thompson wrote');
  await expect(messages(staff).last()).toContainText('Sorry, one more question!');
});

test('assigning to a colleague notifies them, and it is theirs under Mine', async ({ browser, server }) => {
  const priya = await (await browser.newContext()).newPage();
  const marcus = await (await browser.newContext()).newPage();
  await recordNotifications(marcus);
  await signIn(priya, server.url, 'priya@lumen.example');
  await signIn(marcus, server.url, 'marcus@lumen.example');
  await marcus.evaluate(() => window.setTriageWindowFocused(false));
  await openAva(priya);

  // The Assign menu by keyboard: it opens with the arrow key, Escape closes it and gives the focus back.
  const assign = priya.getByRole('button', { name: 'Assign', exact: true });
  await assign.focus();
  await assign.press('ArrowDown');
  const menu = priya.getByRole('menu', { name: 'Assign' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Assign to me' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Marcus Reid' })).toBeVisible();
  await expectAccessible(priya, 'assign menu');
  await priya.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Marcus Reid' })).toBeFocused();
  await priya.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(assign).toBeFocused();

  await assign.click();
  await menu.getByRole('menuitemradio', { name: 'Marcus Reid' }).click();
  await expect(priya.getByTestId('triage-assignee')).toHaveText('Assigned to Marcus Reid');
  await expect(timelineEvents(priya).last()).toContainText('Priya Shah assigned this to Marcus Reid');

  await expect
    .poll(() => marcus.evaluate(() => window.triageNotifications))
    .toContainEqual({ title: 'Conversation assigned to you', body: 'Priya Shah assigned you a conversation with Ava Thompson' });

  // Marcus's Mine view holds it.
  const socket = await staffSocket(server.url, 'marcus@lumen.example');
  try {
    const mine = await request<{ items: { client: { name: string }; assignee: { name: string } | null }[] }>(socket, 'conversation:list', { view: 'mine' });
    expect(mine.ok).toBe(true);
    if (mine.ok) expect(mine.data.items.map((item) => [item.client.name, item.assignee?.name])).toEqual([['Ava Thompson', 'Marcus Reid']]);
  } finally {
    socket.disconnect();
  }
  await openAva(marcus);
  await expect(marcus.getByTestId('triage-assignee')).toHaveText('Assigned to you');
});

test('a snooze a few seconds ahead ends by itself and the conversation is open again, without a reload', async ({ browser, server }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await openAva(staff);

  // The custom time is read in the location's zone, as the server says it.
  const socket = await staffSocket(server.url, 'priya@lumen.example');
  let timeZone = 'UTC';
  try {
    const session = await request<{ locations: { name: string; timeZone: string }[] }>(socket, 'session:get', {});
    if (session.ok) timeZone = session.data.locations.find((location) => location.name === 'Lumen Soho')?.timeZone ?? timeZone;
  } finally {
    socket.disconnect();
  }
  await staff.getByRole('button', { name: 'Snooze', exact: true }).click();
  await staff.getByRole('menuitem', { name: 'Custom…' }).click();
  const form = staff.getByRole('form', { name: /Snooze until/ });
  await expectAccessible(staff, 'custom snooze');

  // A few seconds ahead, with the seconds typed: long enough to see it snoozed first.
  const until = new Date(Date.now() + 12_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(until)
      .map((part) => [part.type, part.value]),
  );
  await form.getByLabel('Date').fill(`${parts.year}-${parts.month}-${parts.day}`);
  await form.getByLabel('Time').fill(`${parts.hour}:${parts.minute}:${parts.second}`);
  await form.getByRole('button', { name: 'Snooze', exact: true }).click();

  await expect(status(staff)).toHaveAttribute('data-status', 'snoozed');
  await expect(status(staff)).toContainText('Snoozed until');
  await expect(timelineEvents(staff).last()).toContainText('Priya Shah snoozed this until');

  await expect(status(staff)).toHaveAttribute('data-status', 'open', { timeout: 30_000 });
  await expect(timelineEvents(staff).last()).toContainText('Snooze ended');
});
