// The whole loop between a client (the client page) and the front desk (the staff inbox):
// live delivery both ways, a desktop notification, typing and read state.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messageList, messages, signIn } from './staff';

const AVA = 1;

type RecordedNotification = { title: string; body: string; tag: string | undefined };
declare global {
  interface Window {
    recordedNotifications: RecordedNotification[];
    clickLastNotification(): void;
    setWindowFocused(focused: boolean): void;
  }
}

/** Replaces the browser's Notification API with a recorder and lets the spec move focus away,
 * so the web bridge's real notification path runs without an OS prompt. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: { onclick: (() => void) | null }[] = [];
    window.recordedNotifications = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.recordedNotifications.push({ title, body: options.body ?? '', tag: options.tag });
        shown.push(this);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    window.clickLastNotification = () => shown.at(-1)?.onclick?.();
    let focused = true;
    document.hasFocus = () => focused;
    window.setWindowFocused = (value) => {
      focused = value;
      window.dispatchEvent(new Event(value ? 'focus' : 'blur'));
    };
  });
}

test('a client message arrives live with a notification, and the reply reaches the client live', async ({ browser, server }) => {
  const staff = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await recordNotifications(staff);

  await signIn(staff, server.url, 'priya@lumen.example');
  await expect(conversationItems(staff).first()).toContainText('Ava Thompson');
  await staff.evaluate(() => window.setWindowFocused(false));

  // The client opens her link, sees her appointment and writes from it.
  await client.goto(await server.clientPageUrl(AVA));
  await expect(client.getByRole('heading', { name: 'Your appointments' })).toBeVisible();
  await expect(client.getByTestId('appointment')).toContainText('Cut & blow-dry');
  await expectAccessible(client, 'client page');
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expectAccessible(client, 'client chat');

  await client.getByRole('textbox', { name: 'Message' }).fill('Could I come 15 minutes earlier?');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(client).last()).toHaveAttribute('data-status', 'sent');

  // The staff inbox updates live and notifies, since the window is not focused.
  await expect(conversationItems(staff).first()).toContainText('Could I come 15 minutes earlier?');
  await expect(conversationItems(staff).first()).toContainText('3 unread');
  await expect.poll(() => staff.evaluate(() => window.recordedNotifications)).toEqual([
    expect.objectContaining({ title: 'Ava Thompson', body: 'Could I come 15 minutes earlier?' }),
  ]);

  // Clicking the notification opens the conversation; reading it reaches the client.
  await staff.evaluate(() => {
    window.setWindowFocused(true);
    window.clickLastNotification();
  });
  await expect(conversationItems(staff).first()).toHaveAttribute('aria-current', 'true');
  await expect(messages(staff).last()).toContainText('Could I come 15 minutes earlier?');
  await expect(messages(client).last()).toHaveAttribute('data-status', 'read');

  // The reply: the client sees the typing indicator, then the message, live.
  const reply = staff.getByRole('textbox', { name: 'Reply' });
  await reply.pressSequentially('Of course, see you at 10:45.');
  await expect(client.getByTestId('typing-indicator')).toContainText('Lumen Soho is typing');
  await reply.press('Enter');
  await expect(messageList(client).getByText('Of course, see you at 10:45.', { exact: true })).toBeVisible();
  await expect(client.getByTestId('typing-indicator')).toHaveText('');

  // The client has the chat open, so she reads it, and the front desk sees "Read".
  const sentReply = messages(staff).last();
  await expect(sentReply).toContainText('Of course, see you at 10:45.');
  await expect(sentReply).toHaveAttribute('data-status', 'read');

  // Delivered exactly once on both sides.
  await expect(messageList(staff).getByText('Of course, see you at 10:45.', { exact: true })).toHaveCount(1);
  await expect(messageList(client).getByText('Of course, see you at 10:45.', { exact: true })).toHaveCount(1);
});

test('the front desk sees the client typing', async ({ browser, server }) => {
  const staff = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();

  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await client.getByRole('textbox', { name: 'Message' }).pressSequentially('Is there');
  await expect(staff.getByTestId('typing-indicator')).toContainText('Ava Thompson is typing');
});
