// Message settings saved by a manager reach client pages that are already open (R3): read
// receipts turned off take "Read" away from the page at once (R5), and with the contact button
// off nothing points the client at a Message button that is not there (R4). The save itself
// says "Saved".
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { messages, openSettings, signIn } from './staff';

const AVA = 1;
const GRACE = 7;

/** Settings → Messages → Edit, untick one option, Save; the page says it is saved. */
async function turnOff(manager: Page, option: string): Promise<void> {
  await manager.getByRole('button', { name: 'Edit' }).click();
  await manager.getByRole('checkbox', { name: option, exact: true }).uncheck();
  await manager.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByTestId('options-saved')).toHaveText('Saved');
  await expect(manager.getByTestId('options-saved')).toHaveAttribute('role', 'status');
}

test('read receipts turned off take "Read" off a client page that is already open', async ({ browser, server }) => {
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  // The salon read her first message long ago.
  const read = messages(client).filter({ hasText: 'Is there parking near the Soho salon?' });
  await expect(read).toHaveAttribute('data-status', 'read');
  await expect(read).toContainText('Read');

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Messages');
  await turnOff(manager, 'Allow read receipts');
  await expectAccessible(manager, 'messages settings just saved');

  // The same page, not reloaded: no message says Read any more.
  await expect(read).toHaveAttribute('data-status', 'sent');
  await expect(messages(client).filter({ hasText: 'Read' })).toHaveCount(0);
  await expect(client.locator('[data-testid="message"][data-status="read"]')).toHaveCount(0);
});

test('with the contact button off, the client page does not tell the client to choose "Message"', async ({ browser, server }) => {
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(GRACE));
  await expect(client.getByRole('button', { name: 'Message Lumen Soho' })).toBeVisible();
  await expect(client.getByRole('region', { name: 'Messages' })).toContainText('Choose “Message” on one of your appointments');

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Messages');
  await turnOff(manager, 'Display contact button after confirming an appointment');

  await expect(client.getByRole('button', { name: 'Message Lumen Soho' })).toHaveCount(0);
  const chatArea = client.getByRole('region', { name: 'Messages' });
  await expect(chatArea).toContainText("Messaging isn't available here right now");
  await expect(chatArea).not.toContainText('Message”');
  await expectAccessible(client, 'client page without the contact button');
});
