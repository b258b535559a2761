// After-hours replies, end to end: a manager sets up Lumen Soho's hours and automatic reply in
// Settings (every form problem shown at once), a client writes while the salon is closed, the
// reply reaches the client page as an ordinary message from the salon, and staff see it marked
// "Automatic reply". "Closed" needs no clock: the salon is closed all week (the default) and
// today is also listed as a closed date.
import { expect, expectAccessible, test } from './fixtures';
import { messages, signIn } from './staff';

const AVA = 1;
const REPLY = 'Thanks for your message! We are closed right now and will reply when we open.';

test('a client who writes outside opening hours gets the automatic reply, marked for staff only', async ({ browser, server }) => {
  // Three people's browsers and two accessibility scans: more than one ordinary spec's time.
  test.setTimeout(180_000);
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await manager.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await manager.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Opening hours', exact: true }).click();
  await expect(manager.getByRole('heading', { name: 'Opening hours', level: 1 })).toBeVisible();
  const soho = manager.getByRole('region', { name: 'Lumen Soho' });
  await expect(soho.getByRole('group', { name: 'Monday' })).toContainText('Closed');

  // Two mistakes at once: Monday closes before it opens, and the reply is on with no text.
  await soho.getByRole('button', { name: 'Add hours on Monday' }).click();
  const monday = soho.getByRole('group', { name: 'Monday' });
  await monday.getByLabel('Monday Opens').fill('18:00');
  await monday.getByLabel('Monday Closes').fill('09:00');
  await soho.getByRole('checkbox', { name: 'Send an automatic reply' }).check();
  await soho.getByRole('button', { name: 'Save opening hours of Lumen Soho' }).click();
  await expect(soho.getByRole('alert')).toHaveText('Fix the 2 problems below, then save again.');
  await expect(monday).toContainText('Closing time must be after opening time.');
  await expect(soho).toContainText('Write the reply clients get outside opening hours, or turn it off.');
  await expect(monday.getByLabel('Monday Closes')).toBeFocused();
  await expectAccessible(manager, 'opening hours with problems');

  // Fixed: Monday is an ordinary day, and today is a closed date, so the salon is closed now.
  await monday.getByLabel('Monday Opens').fill('09:00');
  await monday.getByLabel('Monday Closes').fill('17:00');
  await soho.getByLabel('Reply text').fill(REPLY);
  const today = await manager.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()));
  await soho.getByLabel('Closed on').fill(today);
  await soho.getByRole('button', { name: 'Add closed date' }).click();
  await soho.getByRole('button', { name: 'Save opening hours of Lumen Soho' }).click();
  await expect(soho.getByRole('status')).toHaveText('Opening hours saved.');
  await expect(soho.getByRole('alert')).toHaveCount(0);

  // A member at the front desk has Ava's conversation open.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await staff.getByTestId('conversation-item').filter({ hasText: 'Ava Thompson' }).click();

  // Ava writes from her appointment while the salon is closed.
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await client.getByRole('textbox', { name: 'Message' }).fill('Are you open on Sunday?');
  await client.getByRole('button', { name: 'Send' }).click();

  // The reply reaches her page live, as a message from the salon with no mark.
  await expect(messages(client).last()).toContainText(REPLY);
  await expect(messages(client).last()).not.toContainText('Automatic reply');

  // Staff see both, the reply marked automatic.
  await expect(messages(staff).last()).toContainText(REPLY);
  await expect(messages(staff).last()).toContainText('Automatic reply');
  await expect(messages(staff).nth(-2)).toContainText('Are you open on Sunday?');
  await expectAccessible(staff, 'conversation with the automatic reply');

  // A second message soon after gets no second reply: once a member's answer, sent after it,
  // has reached the client, anything pushed before it has too.
  await client.getByRole('textbox', { name: 'Message' }).fill('Or on Monday?');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(staff).last()).toContainText('Or on Monday?');
  await staff.getByRole('textbox', { name: 'Reply' }).fill('Yes, from 9:00 on Monday.');
  await staff.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(client).last()).toContainText('Yes, from 9:00 on Monday.');
  await expect(messages(client).filter({ hasText: REPLY })).toHaveCount(1);
  await expect(messages(staff).filter({ hasText: 'Automatic reply' })).toHaveCount(1);
});
