// Drafts: a half-written reply stays with its conversation on this computer, through switching
// conversations and a reload, for that member only, and goes away once sent.
import { expect, test } from './fixtures';
import { conversationItems, messages, signIn, signOut } from './staff';

test('a draft survives switching conversations and a reload, and is cleared when sent', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await conversationItems(page).filter({ hasText: 'Ava Thompson' }).click();
  await reply.fill('Half a reply to Ava');
  await conversationItems(page).filter({ hasText: 'Noah Williams' }).click();
  await expect(page.getByRole('region', { name: 'Noah Williams' })).toBeVisible();
  await expect(reply).toHaveValue('');
  await reply.fill('Something for Noah');

  await conversationItems(page).filter({ hasText: 'Ava Thompson' }).click();
  await expect(reply).toHaveValue('Half a reply to Ava');

  await page.reload();
  await conversationItems(page).filter({ hasText: 'Noah Williams' }).click();
  await expect(reply).toHaveValue('Something for Noah');
  await reply.press('Enter');
  await expect(messages(page).last()).toContainText('Something for Noah');
  await expect(reply).toHaveValue('');

  await page.reload();
  await conversationItems(page).filter({ hasText: 'Noah Williams' }).click();
  await expect(messages(page).last()).toContainText('Something for Noah');
  await expect(reply).toHaveValue('');
  await conversationItems(page).filter({ hasText: 'Ava Thompson' }).click();
  await expect(reply).toHaveValue('Half a reply to Ava');

  // The next member on this computer does not see it.
  await signOut(page);
  await signIn(page, server.url, 'marcus@lumen.example');
  await conversationItems(page).filter({ hasText: 'Ava Thompson' }).click();
  await expect(page.getByRole('region', { name: 'Ava Thompson' })).toBeVisible();
  await expect(messages(page).first()).toBeVisible();
  await expect(reply).toHaveValue('');
});
