// What members without full chat rights see (R7, R9), before the settings screens exist.
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messages, signIn } from './staff';

test('a member without Access client chats sees no inbox and is told whom to ask', async ({ page, server }) => {
  await signIn(page, server.url, 'tom@lumen.example');
  await expect(page.getByRole('main')).toContainText(
    "You don't have access to client messages. Ask a workspace owner to give you the Access client chats permission.",
  );
  await expect(page.getByRole('button', { name: /^Messages/ })).toHaveCount(0);
  await expect(conversationItems(page)).toHaveCount(0);
  await expectAccessible(page, 'no access');
});

test('a stylist with Access but not Reply reads chats and has no composer', async ({ page, server }) => {
  await signIn(page, server.url, 'sofia@lumen.example');
  await page.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(page).last()).toContainText('Happy to pay extra if needed.');
  await expect(page.getByText('You can read but not reply to client chats.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expectAccessible(page, 'read-only conversation');
});

test("a member with Access but not Reply sees the client profile read only: no way to change where replies go", async ({ page, server }) => {
  await signIn(page, server.url, 'sofia@lumen.example');
  await page.getByRole('button', { name: /Ava Thompson/ }).click();
  const panel = page.getByRole('complementary', { name: 'Client profile' });
  await expect(panel).toContainText('ava@example.com');
  await expect(panel).toContainText("Read only: changing a client's details needs Reply to client chats.");
  await expect(panel.getByRole('button', { name: 'Edit client profile' })).toHaveCount(0);
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'read-only client profile');
});
