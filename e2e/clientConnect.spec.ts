// Client Connect on and off (R2, R3): a manager's switch reaches every open app and client page
// at once, and the history is back the moment it is turned on again.
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messageList, messages, openSettings, signIn } from './staff';

const AVA = 1;

test('a manager turns Client Connect off and on; open apps and clients follow at once, history intact', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  const frontDesk = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();

  await signIn(frontDesk, server.url, 'priya@lumen.example');
  await frontDesk.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(frontDesk).last()).toContainText('Happy to pay extra if needed.');
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(client.getByRole('textbox', { name: 'Message' })).toBeVisible();

  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Messages');
  await expect(manager.getByRole('heading', { name: 'Messages settings' })).toBeVisible();
  await expect(manager.getByTestId('client-connect-status')).toHaveText('Client Connect is enabled');
  await expectAccessible(manager, 'messages settings');

  // Off: confirmed, then applied straight away in the other apps, without a reload.
  await manager.getByRole('button', { name: 'Disable' }).click();
  const confirm = manager.getByRole('dialog', { name: 'Turn off Client Connect?' });
  await expect(confirm).toContainText(/history/i);
  await confirm.getByRole('button', { name: 'Turn off' }).click();
  await expect(manager.getByTestId('client-connect-status')).toHaveText('Client Connect is disabled');

  await expect(frontDesk.getByRole('heading', { name: 'Client Connect is off' })).toBeVisible();
  await expect(frontDesk.getByRole('list', { name: 'Conversations' })).toBeHidden();
  await expect(frontDesk.getByRole('textbox', { name: 'Reply' })).toBeHidden();
  await expectAccessible(frontDesk, 'Client Connect off');
  await expect(client.getByRole('status').filter({ hasText: "This salon isn't taking messages right now." }).first()).toBeVisible();

  // On again: the history is back at once and messages flow.
  await manager.getByRole('button', { name: 'Enable' }).click();
  await expect(manager.getByTestId('client-connect-status')).toHaveText('Client Connect is enabled');
  await expect(frontDesk.getByRole('heading', { name: 'Client Connect is off' })).toBeHidden();
  await expect(conversationItems(frontDesk)).toHaveCount(3);
  await expect(messages(frontDesk).last()).toContainText('Happy to pay extra if needed.');

  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await client.getByRole('textbox', { name: 'Message' }).fill('Are you open again?');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messageList(frontDesk).getByText('Are you open again?', { exact: true })).toBeVisible();
});

test('attachments: the front desk sends an image and the client sees it; other file types are refused', async ({ browser, server }) => {
  const frontDesk = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await signIn(frontDesk, server.url, 'priya@lumen.example');
  await frontDesk.getByRole('button', { name: /Ava Thompson/ }).click();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();

  const picker = frontDesk.getByTestId('attachment-input');
  await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(frontDesk.getByTestId('attachment-problems')).toContainText("notes.txt can't be attached");

  await picker.setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
  await expect(frontDesk.getByTestId('attachment-draft')).toHaveAttribute('data-status', 'uploaded');
  await frontDesk.getByRole('textbox', { name: 'Reply' }).fill('This is the shade we talked about.');
  await frontDesk.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(messageList(client).getByRole('img', { name: 'swatch.png' })).toBeVisible();
  await expect(messageList(client).getByText('This is the shade we talked about.', { exact: true })).toBeVisible();
  await expect(messageList(frontDesk).getByRole('img', { name: 'swatch.png' })).toBeVisible();
  await expectAccessible(client, 'client chat with an attachment');
});

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
