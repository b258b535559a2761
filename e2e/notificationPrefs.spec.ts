// R10 and R11 from the desk: a member's notification preferences saved on one device apply on
// their other open device at once, and the client profile beside a conversation explains an
// invalid number at the field, saves a valid one, and shows how each reply went out.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messages, signIn } from './staff';

const AVA = 1;
const GRACE = 7;

type LoggedNotification = { title: string; body: string; silent: boolean | undefined };
declare global {
  interface Window {
    notificationLog: LoggedNotification[];
    setPageFocused(focused: boolean): void;
  }
}

/** The browser's Notification API replaced by a recorder (as in liveChat.spec.ts). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.notificationLog = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.notificationLog.push({ title, body: options.body ?? '', silent: options.silent ?? undefined });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    let focused = true;
    document.hasFocus = () => focused;
    window.setPageFocused = (value) => {
      focused = value;
      window.dispatchEvent(new Event(value ? 'focus' : 'blur'));
    };
  });
}

async function clientWrites(client: Page, text: string): Promise<void> {
  await client.getByRole('textbox', { name: 'Message' }).fill(text);
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(client).last()).toHaveAttribute('data-status', 'sent');
}

test('notification preferences saved on one device apply on the member\'s other device without a reload', async ({ browser, server }) => {
  const laptop = await (await browser.newContext()).newPage();
  const reception = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await recordNotifications(reception);

  // The same member signed in twice: their laptop and the reception computer.
  await signIn(laptop, server.url, 'priya@lumen.example');
  await signIn(reception, server.url, 'priya@lumen.example');
  await expect(conversationItems(reception).first()).toBeVisible();
  await reception.evaluate(() => window.setPageFocused(false));

  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await clientWrites(client, 'Is 3pm still fine?');
  await expect.poll(() => reception.evaluate(() => window.notificationLog)).toEqual([
    { title: 'Ava Thompson', body: 'Is 3pm still fine?', silent: false },
  ]);

  // On the laptop: Profile → no message text, no sound → Save.
  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  await expect(laptop.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  await expect(laptop.getByRole('checkbox', { name: 'Lumen Soho' })).toBeChecked();
  await expectAccessible(laptop, 'profile');
  await laptop.getByRole('checkbox', { name: 'Show message text' }).uncheck();
  await laptop.getByRole('checkbox', { name: 'Play a sound' }).uncheck();
  await laptop.getByRole('button', { name: 'Save preferences' }).click();
  await expect(laptop.getByRole('status').filter({ hasText: 'Preferences saved.' })).toBeVisible();

  // The reception computer, never reloaded, follows at once: the next notification has no text.
  await clientWrites(client, 'My card number is 4242…');
  await expect.poll(() => reception.evaluate(() => window.notificationLog)).toEqual([
    { title: 'Ava Thompson', body: 'Is 3pm still fine?', silent: false },
    { title: 'Ava Thompson', body: 'New message', silent: true },
  ]);

  // Its Profile page shows the saved preferences too; turning desktop notifications off there
  // silences it, and the laptop's page follows live.
  await reception.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  await expect(reception.getByRole('checkbox', { name: 'Show message text' })).not.toBeChecked();
  await reception.getByRole('checkbox', { name: 'Show desktop notifications' }).uncheck();
  await reception.getByRole('button', { name: 'Save preferences' }).click();
  await expect(laptop.getByRole('checkbox', { name: 'Show desktop notifications' })).not.toBeChecked();
  const inboxButton = reception.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Messages/ });
  const unreadBefore = await inboxButton.textContent();
  // The badge counts unread conversations, and Ava's already is one: a client without a
  // conversation yet writes instead, so the count moves on when the message arrives.
  const newClient = await (await browser.newContext()).newPage();
  await newClient.goto(await server.clientPageUrl(GRACE));
  await newClient.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await clientWrites(newClient, 'Anyone there?');
  // The message arrived (the unread count moved on), and no notification came with it.
  await expect(inboxButton).not.toHaveText(unreadBefore ?? '');
  expect(await reception.evaluate(() => window.notificationLog.length)).toBe(2);
});

test('the client profile checks numbers at the field, saves valid ones, and replies show how they went out', async ({ browser, providerServer: server }) => {
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, server.url, 'priya@lumen.example');
  await conversationItems(desk).filter({ hasText: 'Ava Thompson' }).click();
  const panel = desk.getByRole('complementary', { name: 'Client profile' });
  // Stored as +447400900101, shown as the workspace's country writes it.
  await expect(panel).toContainText('07400 900101');
  await expect(panel).toContainText('Always on');

  await panel.getByRole('button', { name: 'Edit client profile' }).click();
  await panel.getByLabel('Mobile number').fill('12345');
  await panel.getByRole('checkbox', { name: 'Text message' }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Check the highlighted fields. Nothing was saved.');
  await expect(panel.getByLabel('Mobile number')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel).toContainText('Enter a valid mobile number for United Kingdom, or start with + and the country code.');
  await expect(panel.getByRole('checkbox', { name: 'In the app' })).toBeDisabled();
  await expectAccessible(desk, 'client profile editor');

  await panel.getByLabel('Mobile number').fill('07400 123456');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Client profile saved.');
  await expect(panel).toContainText('07400 123456');
  await expect(panel).toContainText('by Priya Shah');

  // The client switches email on from her page; the desk sees it at once, and who did it.
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  const howWeTell = client.getByRole('region', { name: 'How we let you know' });
  await expect(howWeTell.getByRole('checkbox', { name: 'Also text me at +44 7400 123456' })).toBeChecked();
  await howWeTell.getByRole('checkbox', { name: 'Also email me at ava@example.com' }).check();
  await expect(howWeTell.getByRole('status')).toHaveText('Saved.');
  await expectAccessible(client, 'client page with notification choices');
  await expect(panel).toContainText('by the client');
  await expect(panel.getByText('Email notifications').locator('xpath=following-sibling::dd[1]')).toHaveText('On');

  // This salon's server has an email and a text provider: the reply says how each went.
  await desk.getByRole('textbox', { name: 'Reply' }).fill('Your appointment is confirmed.');
  await desk.getByRole('button', { name: 'Send', exact: true }).click();
  const [email, text] = [messages(desk).last().getByTestId('delivery').first(), messages(desk).last().getByTestId('delivery').last()];
  await expect(email).toHaveAttribute('data-channel', 'email');
  await expect(email).toHaveAttribute('data-state', 'sent');
  await expect(email).toContainText('Email: sent');
  await expect(text).toHaveAttribute('data-channel', 'sms');
  await expect(text).toHaveAttribute('data-state', 'sent');
  await expect(text).toContainText('Text: sent');
  expect(server.sms.sent.map((sent) => sent.to)).toEqual(['+447400123456']);
});
