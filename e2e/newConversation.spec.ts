// Starting a conversation: a client without one ("Grace" in the demo) is found by the inbox
// search, the new-conversation form opens for her, and the first message reaches her page live —
// also from a location where she has no appointment, where she answers in it.
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messages, signIn } from './staff';
import { connectAsMember } from './staffSocket';

const GRACE = 7;

test('a member finds a client without a conversation, writes to her, and she sees it live on her page', async ({ browser, server }) => {
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(GRACE));
  await expect(client.getByTestId('appointment')).toContainText('Keratin treatment');
  await expect(client.getByRole('button', { name: 'Message Lumen Soho' })).toBeVisible();
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await expect(conversationItems(staff).first()).toBeVisible();
  await staff.getByRole('searchbox', { name: 'Search messages and clients' }).fill('Grace');
  const found = staff.getByRole('list', { name: 'Matching clients' }).getByTestId('client-result');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Grace Kim');
  await expect(found).toContainText('New conversation');
  await expect(staff.getByText('No matches for')).toHaveCount(0);
  await found.click();

  const form = staff.getByRole('region', { name: 'New conversation' });
  await expect(form).toContainText('Grace Kim');
  await expect(form.getByLabel('Location')).toHaveValue(/\d+/);
  await form.getByLabel('About an appointment (optional)').selectOption({ index: 1 });
  await expect(form.getByLabel('About an appointment (optional)')).toContainText('Keratin treatment');
  await form.getByLabel('Message').fill('Hi Grace, a quick note before your keratin treatment: come with dry hair.');
  await expectAccessible(staff, 'new conversation form');
  await form.getByRole('button', { name: 'Send' }).click();

  // The conversation opens with the message, and is in the list.
  await expect(staff.getByRole('region', { name: 'Grace Kim' })).toBeVisible();
  await expect(messages(staff).last()).toContainText('come with dry hair');
  await staff.getByRole('searchbox', { name: 'Search messages and clients' }).fill('');
  await expect(conversationItems(staff).first()).toContainText('Grace Kim');

  // Her page shows it live in the chat she has open.
  await expect(messages(client).last()).toContainText('come with dry hair');
});

test('the New conversation button finds a client by mobile number; members without Reply have none', async ({ browser, server }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, server.url, 'marcus@lumen.example');
  await staff.getByRole('button', { name: 'New conversation' }).click();
  const form = staff.getByRole('region', { name: 'New conversation' });
  await form.getByLabel('Find a client').fill('07400 900107');
  await form.getByRole('list', { name: 'Clients' }).getByRole('button', { name: /Grace Kim/ }).click();
  // Marcus works at two locations: he picks one.
  await form.getByLabel('Location').selectOption({ label: 'Lumen Soho' });
  await form.getByLabel('Message').fill('Your appointment is confirmed.');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(messages(staff).last()).toContainText('Your appointment is confirmed.');

  const reader = await (await browser.newContext()).newPage();
  await signIn(reader, server.url, 'sofia@lumen.example');
  await expect(conversationItems(reader).first()).toBeVisible();
  await expect(reader.getByRole('button', { name: 'New conversation' })).toHaveCount(0);
  await reader.getByRole('searchbox', { name: 'Search messages and clients' }).fill('Grace');
  // Sofia reads Soho's chats: Grace's conversation is there now; but no client directory.
  await expect(reader.getByRole('list', { name: 'Matching clients' }).getByTestId('search-result')).toHaveCount(1);
  await expect(reader.getByTestId('client-result')).toHaveCount(0);
});

test('a conversation started where the client has no appointment reaches her page live, and she answers in it', async ({ browser, server }) => {
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(GRACE));
  await expect(client.getByTestId('appointment')).toContainText('Keratin treatment');
  await expect(client.getByTestId('salon-conversation')).toHaveCount(0);

  // Marcus writes to Grace at Shoreditch, where she has no appointment.
  const marcus = await connectAsMember(server.url, 'marcus@lumen.example');
  const options = await marcus.request('conversation:start-options', { clientId: GRACE });
  const shoreditch = options.locations.find((option) => option.location.name === 'Lumen Shoreditch')!;
  expect(shoreditch.appointments).toEqual([]);
  const started = await marcus.request('conversation:start', {
    clientId: GRACE,
    locationId: shoreditch.location.id,
    senderMessageId: crypto.randomUUID(),
    text: 'Hi Grace, we now do late openings at Shoreditch on Thursdays.',
  });

  // Her page lists it at once, with its unread message; she opens it, reads and answers.
  const salon = client.getByTestId('salon-conversation');
  await expect(salon).toContainText('Lumen Shoreditch');
  await expect(salon).toContainText('1 unread message');
  await client.getByRole('button', { name: 'Messages from Lumen Shoreditch' }).click();
  await expect(messages(client).last()).toContainText('late openings at Shoreditch');
  await expectAccessible(client, 'client page with a conversation the salon started');
  await client.getByRole('textbox', { name: 'Message' }).fill('Lovely, could I come Thursday at 7?');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(client).last()).toContainText('Thursday at 7');
  await expect
    .poll(async () => (await marcus.request('message:list', { conversationId: started.conversationId })).items.map((message) => message.text))
    .toContain('Lovely, could I come Thursday at 7?');
  marcus.close();
});
