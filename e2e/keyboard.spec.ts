// Keyboard shortcuts: a member finds a client, opens the conversation, replies and marks it done
// without touching the mouse; the conversation list is one Tab stop; J/K (and Alt+↓/↑) move
// between unread conversations; "?" lists every shortcut in a dialog that keeps the focus.
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messages, signIn } from './staff';

/** Whether the focused element is inside an element matching `selector`. */
const focusIsInside = (page: Page, selector: string) => page.evaluate((wanted) => (document.activeElement?.closest(wanted) ?? null) !== null, selector);
const composer = (page: Page) => page.getByRole('textbox', { name: 'Reply' });
const openTitle = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });

/** Presses Tab until `target` has the focus (at most `limit` times). */
async function tabUntil(page: Page, target: Locator, limit = 20): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('search, open, reply and mark done without the mouse', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  await expect(conversationItems(page)).toHaveCount(3);

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Search messages and clients' })).toBeFocused();
  await page.keyboard.type('Isla');
  const islaResult = page.getByRole('button', { name: /Isla Brown/ }).first();
  await expect(islaResult).toBeVisible();
  await tabUntil(page, islaResult);
  await page.keyboard.press('Enter');
  await expect(openTitle(page)).toHaveText('Isla Brown');
  // The reply box comes once the conversation's messages are loaded.
  await expect(composer(page)).toBeVisible();

  // R: to the reply box. Typed letters are text there, not shortcuts.
  await page.keyboard.press('r');
  await expect(composer(page)).toBeFocused();
  await page.keyboard.type('Just a reply from the keyboard');
  await expect(composer(page)).toHaveValue('Just a reply from the keyboard');
  await expect(openTitle(page)).toHaveText('Isla Brown');
  await page.keyboard.press('Enter');
  await expect(messages(page).last()).toContainText('Just a reply from the keyboard');

  // Ctrl+Shift+D marks done from inside the reply box; E does the same elsewhere.
  await page.keyboard.press('Control+Shift+D');
  await expect(page.getByTestId('triage-status')).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Reopen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('triage-status')).toHaveAttribute('data-status', 'open');
  await page.keyboard.press('e');
  await expect(page.getByTestId('triage-status')).toHaveAttribute('data-status', 'done');

  // "/" focuses the reply box and opens the quick-reply picker there.
  await page.getByRole('button', { name: 'Reopen' }).focus();
  await page.keyboard.press('/');
  await expect(composer(page)).toBeFocused();
  await expect(composer(page)).toHaveValue('/');
  await expect(page.getByTestId('quick-reply-picker')).toBeVisible();
});

test('J and K (or Alt+↓ and Alt+↑) open the next and previous conversation with unread messages', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  const items = conversationItems(page);
  await expect(items.nth(0)).toContainText('Ava Thompson');
  await expect(items.nth(0)).toContainText('2 unread');
  await expect(items.nth(1)).toContainText('1 unread');

  await page.keyboard.press('j');
  await expect(openTitle(page)).toHaveText('Ava Thompson');
  await expect(items.nth(0)).not.toContainText('unread');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(openTitle(page)).toHaveText('Noah Williams');
  await expect(items.nth(1)).not.toContainText('unread');
  // Both read now: nothing further either way, and the member is told so.
  await page.keyboard.press('j');
  await expect(page.getByTestId('shortcut-announcement')).toHaveText('No more unread conversations below.');
  await page.keyboard.press('k');
  await expect(page.getByTestId('shortcut-announcement')).toHaveText('No more unread conversations above.');
  await expect(openTitle(page)).toHaveText('Noah Williams');

  // In a text field J is a letter.
  await page.keyboard.press('r');
  await page.keyboard.type('jk');
  await expect(composer(page)).toHaveValue('jk');
  await expect(openTitle(page)).toHaveText('Noah Williams');
});

test('the conversation list is one Tab stop; arrows, Home and End move in it and Enter opens', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  const items = conversationItems(page);
  await expect(items).toHaveCount(3);
  await expect(page.locator('[data-testid="conversation-item"][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('Control+k');
  await tabUntil(page, items.first());
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');

  // One Tab leaves the list whichever row has the focus, and Shift+Tab comes back to that row.
  await page.keyboard.press('Tab');
  expect(await focusIsInside(page, '[aria-label="Conversations"]')).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(items.nth(1)).toBeFocused();
  await expect(page.locator('[data-testid="conversation-item"][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('Enter');
  await expect(openTitle(page)).toHaveText('Noah Williams');
});

test('? lists every shortcut in a dialog that keeps the focus, has no accessibility violations and closes with Esc', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  await conversationItems(page).first().focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  for (const [description, keys] of [
    ['Search messages and clients', 'Ctrl+K'],
    ['Next conversation with unread messages', 'J or Alt+↓'],
    ['Previous conversation with unread messages', 'K or Alt+↑'],
    ['Write a reply', 'R'],
    ['Insert a quick reply', '/'],
    ['Mark the open conversation done', 'E or Ctrl+Shift+D'],
    ['Show these keyboard shortcuts', '?'],
    ['Send the reply and mark the conversation done', 'Ctrl+Shift+Enter'],
  ]) {
    await expect(dialog.getByTestId('shortcut').filter({ hasText: description })).toContainText(keys!);
  }

  // Tab and Shift+Tab stay inside the dialog.
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await focusIsInside(page, 'dialog')).toBe(true);
  }
  // Shortcuts wait while it is open.
  await page.keyboard.press('j');
  await expect(page.locator('[data-testid="conversation-item"][aria-current="true"]')).toHaveCount(0);

  await expectAccessible(page, 'keyboard shortcuts, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'keyboard shortcuts, dark');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(conversationItems(page).first()).toBeFocused();
});
