// Quick replies: a manager builds the library in Settings (every problem of a reply shown at
// once, an unknown placeholder refused); the front desk types "/" in the reply box, searches,
// picks with the keyboard, edits and sends, and the client gets it; a reply whose appointment
// details the conversation lacks keeps its placeholders, highlighted, and is not sent blank.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messageList, messages, signIn } from './staff';
import { connectAsMember } from './staffSocket';

const AVA = 1;
const REMINDER = 'Hi {client.firstName}, see you {appointment.date} at {appointment.time} for your {appointment.service}.';

async function openQuickRepliesSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Quick replies', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Quick replies', level: 1 })).toBeVisible();
}

const picker = (page: Page) => page.getByTestId('quick-reply-picker');
const options = (page: Page) => picker(page).getByRole('option');

test('a manager adds quick replies, seeing every problem of one at once and an unknown placeholder refused', async ({ page, server }) => {
  await signIn(page, server.url, 'olivia@lumen.example');
  await openQuickRepliesSettings(page);
  await expect(page.getByText('No quick replies yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add quick reply' }).click();
  const editor = page.getByRole('region', { name: 'Add a quick reply' });
  const title = editor.getByRole('textbox', { name: 'Title' });
  const text = editor.getByRole('textbox', { name: 'Text' });

  // Nothing filled in: both problems at once, beside their fields.
  await editor.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(editor.getByRole('alert')).toHaveText('2 fields need fixing. Each says what is wrong beside it.');
  await expect(title).toHaveAccessibleDescription('Give the reply a title.');
  await expect(editor.getByText('Write the reply.')).toBeVisible();

  // A misspelt placeholder is named, and nothing is saved.
  await title.fill('Appointment reminder');
  await text.fill('Hi {client.firstname}, see you soon.');
  await editor.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(editor.getByRole('alert')).toContainText('Unknown placeholder {client.firstname}.');
  await expect(page.getByText('No quick replies yet.')).toBeVisible();
  await expectAccessible(page, 'quick replies settings with problems');

  await text.fill(REMINDER);
  await editor.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added “Appointment reminder”.' })).toBeVisible();
  await page.getByRole('button', { name: 'Add quick reply' }).click();
  await title.fill('Parking');
  await text.fill('There is a car park on Brewer Street, two minutes away.');
  await editor.getByRole('checkbox', { name: 'Lumen Soho' }).check();
  await editor.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(page.getByTestId('quick-reply')).toHaveCount(2);
  await expect(page.getByTestId('quick-reply').filter({ hasText: 'Parking' })).toContainText('Offered at: Lumen Soho');
  await expectAccessible(page, 'quick replies settings');
});

test('the front desk picks a quick reply with "/", edits it and sends it to the client', async ({ browser, page: desk, server }) => {
  const owner = await connectAsMember(server.url, 'olivia@lumen.example');
  const soho = (await owner.request('quickReply:library', {})).locations.find((location) => location.name === 'Lumen Soho')!;
  await owner.request('quickReply:create', { reply: { title: 'Appointment reminder', text: REMINDER, locationIds: [] } });
  await owner.request('quickReply:create', {
    reply: { title: 'Parking', text: 'There is a car park on Brewer Street, two minutes away.', locationIds: [soho.id] },
  });
  owner.close();

  // Priya, at the front desk, answers Ava.
  await signIn(desk, server.url, 'priya@lumen.example');
  await conversationItems(desk).filter({ hasText: 'Ava Thompson' }).click();
  const reply = desk.getByRole('textbox', { name: 'Reply' });
  await reply.fill('/');
  await expect(options(desk)).toHaveText([/^Appointment reminder/, /^Parking/]);
  await expect(options(desk).first()).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(desk, 'quick reply picker');
  // Esc closes it and leaves the text; a new "/" word opens it again.
  await reply.press('Escape');
  await expect(picker(desk)).toHaveCount(0);
  await expect(reply).toHaveValue('/');
  await reply.fill('');
  await reply.pressSequentially('/park');
  await expect(options(desk)).toHaveText([/^Parking/]);
  await reply.fill('');
  await reply.pressSequentially('/re');
  await expect(options(desk)).toHaveText([/^Appointment reminder/, /^Parking/]); // "re" is in "There"
  await reply.press('ArrowDown');
  await expect(options(desk).nth(1)).toHaveAttribute('aria-selected', 'true');
  await reply.press('ArrowUp');
  await reply.press('Enter');
  await expect(picker(desk)).toHaveCount(0);
  await expect(reply).toHaveValue(/^Hi Ava, see you \w+day \d{1,2} \w+ at \d\d:\d\d for your Cut & blow-dry\.$/);
  const filled = await reply.inputValue();

  // Edited before sending, then sent as a normal reply.
  await reply.press('End');
  await reply.pressSequentially(' Sofia can trim your fringe too.');
  await reply.press('Enter');
  const sent = `${filled} Sofia can trim your fringe too.`;
  await expect(messages(desk).last()).toContainText(sent);
  await expect(reply).toHaveValue('');

  // A reply a manager adds meanwhile reaches the open reply box at once.
  const manager = await connectAsMember(server.url, 'olivia@lumen.example');
  await manager.request('quickReply:create', { reply: { title: 'Thanks', text: 'Thank you, {client.firstName}!', locationIds: [] } });
  manager.close();
  await reply.pressSequentially('/thanks');
  await expect(options(desk)).toHaveText([/^Thanks\s*Thank you, Ava!$/]);
  await reply.fill('');

  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messageList(client).getByText(sent, { exact: true })).toBeVisible();
});

test('a reply needing an appointment the conversation lacks is flagged and not sent blank (dark)', async ({ browser, server }) => {
  const owner = await connectAsMember(server.url, 'olivia@lumen.example');
  await owner.request('quickReply:create', { reply: { title: 'Appointment reminder', text: REMINDER, locationIds: [] } });
  owner.close();

  const desk = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  await signIn(desk, server.url, 'priya@lumen.example');
  // Isla cancelled her only appointment: there is no date, time or service to fill in.
  await conversationItems(desk).filter({ hasText: 'Isla Brown' }).click();
  const reply = desk.getByRole('textbox', { name: 'Reply' });
  await reply.pressSequentially('/remind');
  await expect(options(desk)).toHaveText([/No value here for \{appointment\.date\}, \{appointment\.time\}, \{appointment\.service\}/]);
  await expectAccessible(desk, 'quick reply picker, dark');
  // A click picks it too.
  await options(desk).first().click();
  await expect(reply).toHaveValue('Hi Isla, see you {appointment.date} at {appointment.time} for your {appointment.service}.');
  const unfilled = desk.getByTestId('unfilled-placeholders');
  await expect(unfilled.locator('mark')).toHaveText(['{appointment.date}', '{appointment.time}', '{appointment.service}']);
  await expect(reply).toHaveAccessibleDescription(/no value for \{appointment\.date\}, \{appointment\.time\}, \{appointment\.service\}/);
  await expect(desk.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await expect(desk.getByRole('button', { name: 'Send and mark done' })).toBeDisabled();
  const before = await messages(desk).count();
  // Enter does not send it: the text stays as it is.
  await reply.press('Enter');
  await expect(reply).toHaveValue('Hi Isla, see you {appointment.date} at {appointment.time} for your {appointment.service}.');
  await expectAccessible(desk, 'composer with placeholders to fill, dark');

  // The first placeholder was selected on picking, so typing replaces it; the member fills the rest.
  await reply.pressSequentially('Saturday');
  await expect(reply).toHaveValue('Hi Isla, see you Saturday at {appointment.time} for your {appointment.service}.');
  await expect(unfilled.locator('mark')).toHaveText(['{appointment.time}', '{appointment.service}']);
  await reply.fill('Hi Isla, see you Saturday at 10:00 for your colour refresh.');
  await expect(unfilled).toHaveCount(0);
  await desk.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(desk)).toHaveCount(before + 1);
  await expect(messages(desk).last()).toContainText('Hi Isla, see you Saturday at 10:00 for your colour refresh.');

});

test('the library page in the dark palette, with an edit showing its problem', async ({ browser, server }) => {
  const owner = await connectAsMember(server.url, 'olivia@lumen.example');
  await owner.request('quickReply:create', { reply: { title: 'Appointment reminder', text: REMINDER, locationIds: [] } });
  owner.close();
  const settings = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  await signIn(settings, server.url, 'olivia@lumen.example');
  await openQuickRepliesSettings(settings);
  await settings.getByRole('button', { name: 'Edit Appointment reminder' }).click();
  await settings.getByRole('textbox', { name: 'Title' }).fill('');
  await settings.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(settings.getByText('Give the reply a title.').first()).toBeVisible();
  await expectAccessible(settings, 'quick replies settings, dark');
});
