// A front-desk member signs in, reads the inbox and pages back through a long history.
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, DEMO_PASSWORD, messages, signIn } from './staff';

test('a wrong password gets a clear error and no session', async ({ page, server }) => {
  await page.goto(server.url);
  await expectAccessible(page, 'sign-in');
  await page.getByLabel('Email').fill('priya@lumen.example');
  await page.getByLabel('Password').fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/email or password is incorrect/i);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('the inbox lists the member’s conversations newest first with unread counts and appointments', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();

  // Priya works at Soho only: Soho's conversations, newest activity first; none of Shoreditch's.
  const items = conversationItems(page);
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Ava Thompson');
  await expect(items.nth(0)).toContainText('Lumen Soho · Cut & blow-dry');
  await expect(items.nth(0)).toContainText('2 unread');
  await expect(items.nth(1)).toContainText('Noah Williams');
  await expect(items.nth(1)).toContainText('1 unread');
  await expect(items.nth(2)).toContainText('Isla Brown');
  await expect(page.getByRole('button', { name: /Mia Patel/ })).toHaveCount(0);
  // The badge counts conversations with unread messages (Ava's and Noah's), not the messages.
  await expect(page.getByRole('button', { name: /Messages.*2 unread/ })).toBeVisible();
  await expectAccessible(page, 'inbox');

  // Opening a conversation shows its appointment beside the chat and marks it read.
  await items.nth(0).click();
  await expect(page.getByRole('complementary', { name: 'Appointments' })).toContainText('Cut & blow-dry');
  await expect(messages(page).last()).toContainText('Happy to pay extra if needed.');
  await expect(items.nth(0)).not.toContainText('unread');
  await expectAccessible(page, 'conversation');
});

test('older history loads when the member scrolls up, keeping what was already shown', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  await page.getByRole('button', { name: /Noah Williams/ }).click();

  const shown = messages(page);
  await expect(shown.last()).toContainText('(#160)');
  const firstPage = await shown.count();
  expect(firstPage).toBeLessThan(160);
  await expect(shown.first()).not.toContainText('(#1)');

  // Scroll to the top until the start of the conversation has been paged in.
  const history = page.getByRole('region', { name: 'Message history' });
  await expect(async () => {
    await history.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(shown).toHaveCount(160, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(shown.first()).toContainText('(#1)');
  await expect(shown.last()).toContainText('(#160)');
  // Each message appears once, in order.
  const ids = (await shown.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-message-id')))));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(160);
});
