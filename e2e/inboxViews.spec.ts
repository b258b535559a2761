// The team inbox's views and each member's own unread: conversations move between Open and
// Done live, with the counts beside the views; "Unread only" shows the member's own unread; a
// read-only member's glance changes nothing for the client or for colleagues.
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messageList, messages, signIn } from './staff';
import { connectAsMember } from './staffSocket';

const AVA = 1;

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const viewButton = (page: Page, label: string) => views(page).getByRole('button', { name: new RegExp(`^${label}\\b`) });
/** The number beside a view, once the counts have loaded. */
async function countOf(page: Page, label: string): Promise<number> {
  const button = viewButton(page, label);
  await expect(button).toHaveText(new RegExp(`^${label}\\s*\\d+$`));
  return Number((await button.textContent())!.replace(/\D/g, ''));
}
const itemOf = (page: Page, client: string) => conversationItems(page).filter({ hasText: client });
const railMessages = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Messages/ });

test('a conversation marked done leaves Open for Done with the counts following live; Unread only and the location filter narrow the list', async ({ browser, server }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, server.url, 'marcus@lumen.example');
  await expect(viewButton(page, 'Open')).toHaveAttribute('aria-current', 'true');
  await expect(itemOf(page, 'Ava Thompson')).toHaveCount(1);
  const openBefore = await countOf(page, 'Open');
  const doneBefore = await countOf(page, 'Done');
  await expectAccessible(page, 'inbox views');

  // A colleague marks Ava's conversation done on their own device.
  const priya = await connectAsMember(server.url, 'priya@lumen.example');
  const { items } = await priya.request('conversation:list', { view: 'open' });
  const ava = items.find((conversation) => conversation.client.name === 'Ava Thompson')!;
  await priya.request('conversation:setStatus', { conversationId: ava.id, status: 'done', expectedVersion: ava.triageVersion, changeId: randomUUID() });
  priya.close();

  await expect(itemOf(page, 'Ava Thompson')).toHaveCount(0);
  await expect(itemOf(page, 'Noah Williams')).toHaveCount(1);
  await expect.poll(() => countOf(page, 'Open')).toBe(openBefore - 1);
  await expect.poll(() => countOf(page, 'Done')).toBe(doneBefore + 1);

  await viewButton(page, 'Done').click();
  await expect(viewButton(page, 'Done')).toHaveAttribute('aria-current', 'true');
  await expect(itemOf(page, 'Ava Thompson')).toHaveCount(1);
  await expect(conversationItems(page)).toHaveCount(doneBefore + 1);

  await viewButton(page, 'All').click();
  await expect(itemOf(page, 'Ava Thompson')).toContainText('Done');
  await expect(itemOf(page, 'Isla Brown')).toHaveCount(1);

  // Marcus works at both locations: the list narrows to one, its count beside its name.
  const location = page.getByRole('combobox', { name: 'Location' });
  const shoreditch = await location.locator('option', { hasText: 'Shoreditch' }).getAttribute('value');
  await location.selectOption(shoreditch!);
  await expect(itemOf(page, 'Mia Patel')).toHaveCount(1);
  await expect(itemOf(page, 'Ava Thompson')).toHaveCount(0);
  await location.selectOption('');
  await expect(itemOf(page, 'Ava Thompson')).toHaveCount(1);

  // Unread only: the member's own unread conversations, here in All (Ava's is done but unread).
  await page.getByRole('checkbox', { name: 'Unread only' }).check();
  await expect(itemOf(page, 'Isla Brown')).toHaveCount(0);
  await expect(itemOf(page, 'Ava Thompson')).toContainText('2 unread');
  for (const item of await conversationItems(page).all()) await expect(item).toContainText('unread');
  await expectAccessible(page, 'inbox, unread only');

  // The choice is kept on this computer for this member.
  await page.reload();
  await expect(viewButton(page, 'All')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('checkbox', { name: 'Unread only' })).toBeChecked();
  await expect(itemOf(page, 'Ava Thompson')).toHaveCount(1);
  await expect(itemOf(page, 'Isla Brown')).toHaveCount(0);
});

test('mark as unread: from the button on a row and from its context menu, for the member alone', async ({ browser, server }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, server.url, 'priya@lumen.example');
  await expect(itemOf(page, 'Noah Williams')).toContainText('1 unread');
  await expect(railMessages(page)).toHaveAccessibleName(/2 unread/);

  // Isla's conversation is read: the button beside it marks it unread again.
  const isla = itemOf(page, 'Isla Brown');
  await expect(isla).not.toContainText('unread');
  await isla.hover();
  await page.getByRole('listitem').filter({ has: isla }).getByRole('button', { name: 'Mark as unread' }).click();
  await expect(isla).toContainText('1 unread');
  await expect(railMessages(page)).toHaveAccessibleName(/3 unread/);

  // Reading Noah's, then marking it unread with the keyboard's context menu.
  await itemOf(page, 'Noah Williams').click();
  await expect(messages(page).last()).toContainText('(#160)');
  await expect(itemOf(page, 'Noah Williams')).not.toContainText('unread');
  await expect(railMessages(page)).toHaveAccessibleName(/2 unread/);
  await itemOf(page, 'Noah Williams').focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Mark as unread' })).toBeFocused();
  await expectAccessible(page, 'conversation menu');
  await page.keyboard.press('Enter');
  await expect(itemOf(page, 'Noah Williams')).toContainText('1 unread');
  await expect(itemOf(page, 'Noah Williams')).toBeFocused();

  // A colleague at the same location still has their own count.
  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, server.url, 'olivia@lumen.example');
  await expect(itemOf(colleague, 'Isla Brown')).not.toContainText('unread');
});

test('a read-only member opening a chat changes nothing for the client or a colleague', async ({ browser, server }) => {
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).last()).toContainText('Happy to pay extra if needed.');
  await expect(messages(client).last()).toHaveAttribute('data-status', 'sent');

  const priya = await (await browser.newContext()).newPage();
  await signIn(priya, server.url, 'priya@lumen.example');
  await expect(itemOf(priya, 'Ava Thompson')).toContainText('2 unread');
  await expect(railMessages(priya)).toHaveAccessibleName(/2 unread/);

  // Sofia may read chats but not reply: opening Ava's clears her own unread only.
  const sofia = await (await browser.newContext()).newPage();
  await signIn(sofia, server.url, 'sofia@lumen.example');
  await expect(itemOf(sofia, 'Ava Thompson')).toContainText('2 unread');
  await itemOf(sofia, 'Ava Thompson').click();
  await expect(messages(sofia).last()).toContainText('Happy to pay extra if needed.');
  await expect(itemOf(sofia, 'Ava Thompson')).not.toContainText('unread');

  // The client writes again: her page and Priya's app get it after anything Sofia's read sent,
  // so by then a "Read" or a cleared count would have arrived.
  await client.getByRole('textbox', { name: 'Message' }).fill('Also, is there a card machine?');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(client).last()).toHaveAttribute('data-status', 'sent');
  await expect(itemOf(priya, 'Ava Thompson')).toContainText('3 unread');
  await expect(railMessages(priya)).toHaveAccessibleName(/2 unread/);
  // Her messages the business had not read before stay Sent ("Read" only for her first one).
  for (const text of ['Could Sofia also trim my fringe tomorrow?', 'Happy to pay extra if needed.', 'Also, is there a card machine?']) {
    await expect(messages(client).filter({ hasText: text })).toHaveAttribute('data-status', 'sent');
  }
  await expect(messageList(client).getByText('Read', { exact: true })).toHaveCount(1);
});
