// Reminders until answered, from the desk: a member who chose "every 5 minutes" is reminded of
// each conversation whose client is still waiting, and no more once someone has replied. The
// browser's clock is Playwright's, moved on by hand, so minutes pass without waiting for them.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectAsMember } from './staffSocket';
import { conversationItems, signIn } from './staff';

const AVA = 1;
const NOAH = 2;

type RecordedNotification = { title: string; body: string };
declare global {
  interface Window {
    reminderNotifications: RecordedNotification[];
  }
}

/** The browser's Notification API replaced by a recorder, and the window out of focus (a desk
 * busy elsewhere), so the web bridge's real notification path runs without an OS prompt. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.reminderNotifications = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.reminderNotifications.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    document.hasFocus = () => false;
  });
}

/** Reminders quoting a client's message (the message's own notification quotes it too). */
const remindersAbout = (page: Page, text: string) =>
  page.evaluate((quoted) => window.reminderNotifications.filter((n) => n.body.startsWith('Waiting') && n.body.includes(quoted)), text);

/** Minutes pass on the desk's clock while someone is at it (moving the mouse each minute, so
 * the reception computer does not lock itself for being idle). */
async function minutesPass(page: Page, minutes: number): Promise<void> {
  for (let minute = 0; minute < minutes; minute += 1) {
    await page.mouse.move(10 + minute, 10);
    await page.clock.fastForward('01:00');
  }
}

async function writeAsClient(page: Page, url: string, text: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

test('a waiting client is reminded every interval until someone replies', async ({ browser, server }) => {
  const desk = await (await browser.newContext()).newPage();
  await recordNotifications(desk);
  await desk.clock.install();
  await signIn(desk, server.url, 'priya@lumen.example');

  // Profile: remind me every 5 minutes while a client waits.
  await desk.evaluate(() => { location.hash = '#/profile'; });
  const save = desk.getByRole('button', { name: 'Save preferences' });
  await expect(save).toBeDisabled();
  await desk.getByLabel('Remind me while a client waits').selectOption({ label: 'Every 5 minutes' });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(save).toBeDisabled();
  await expect(desk.getByLabel('Remind me while a client waits')).toHaveValue('5');
  await desk.evaluate(() => { location.hash = '#/messages'; });

  const ava = await (await browser.newContext()).newPage();
  const noah = await (await browser.newContext()).newPage();
  await writeAsClient(ava, await server.clientPageUrl(AVA), 'Can I bring my daughter along?');
  await writeAsClient(noah, await server.clientPageUrl(NOAH), 'Is there parking nearby?');
  await expect(conversationItems(desk).filter({ hasText: 'Can I bring my daughter along?' })).toBeVisible();
  await expect(conversationItems(desk).filter({ hasText: 'Is there parking nearby?' })).toBeVisible();

  // Five minutes on, both are waiting: one reminder each, saying for how long.
  await minutesPass(desk, 6);
  await expect.poll(() => remindersAbout(desk, 'Can I bring my daughter along?')).toEqual([
    { title: 'Ava Thompson', body: expect.stringMatching(/^Waiting [56] minutes for a reply: Can I bring/) },
  ]);
  await expect.poll(() => remindersAbout(desk, 'Is there parking nearby?')).toHaveLength(1);

  // A colleague answers Ava from another device; the desk's list shows the answer.
  const marcus = await connectAsMember(server.url, 'marcus@lumen.example');
  const list = await marcus.request('conversation:list', { view: 'open' });
  const avasConversation = list.items.find((conversation) => conversation.client.name === 'Ava Thompson')!;
  await marcus.request('message:send', { conversationId: avasConversation.id, senderMessageId: crypto.randomUUID(), text: 'Of course, see you both then.' });
  await expect(conversationItems(desk).filter({ hasText: 'Of course, see you both then.' })).toBeVisible();
  marcus.close();

  // Five more minutes: Noah, still waiting, is reminded again; Ava, answered, is not.
  await minutesPass(desk, 5);
  await expect.poll(() => remindersAbout(desk, 'Is there parking nearby?')).toHaveLength(2);
  expect(await remindersAbout(desk, 'Can I bring my daughter along?')).toHaveLength(1);
});
