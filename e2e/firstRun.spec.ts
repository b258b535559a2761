// An installed app hosting its own inbox, first run: the owner sets up the business (no demo
// data, no published passwords) and is signed in straight away; or loads the demo instead.
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, openSettings, signIn, signOut } from './staff';

test('the first run sets up the business and its owner, who is signed in at once and can sign in again', async ({ browser, newServer }) => {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(newServer.url);
  await expect(page.getByRole('heading', { name: 'Set up Front Desk Inbox' })).toBeVisible();
  await expectAccessible(page, 'first-run setup');
  await expect(page.getByLabel('Country')).toHaveValue('GB');

  await page.getByLabel('Business name').fill('Bright Cuts');
  await page.getByLabel('Your name').fill('Dana Reyes');
  await page.getByLabel('Your email').fill('dana@brightcuts.example');
  await page.getByLabel('Password (at least 10 characters)').fill('dana-owner-password');
  await page.getByLabel('Type the password again').fill('dana-owner-passwort');
  await page.getByRole('button', { name: 'Create my inbox' }).click();
  await expect(page.getByRole('alert')).toHaveText("The two passwords don't match. Type the same password twice.");
  await page.getByLabel('Type the password again').fill('dana-owner-password');
  await page.getByRole('button', { name: 'Create my inbox' }).click();

  // Signed in as the owner of an empty business: its one location, nobody else on the team.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await openSettings(page, 'Team');
  await expect(page.getByTestId('team-member')).toHaveCount(1);
  await expect(page.getByTestId('team-member')).toContainText('Dana Reyes');
  await signOut(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Front Desk Inbox' })).toBeVisible();
  await page.getByLabel('Email').fill('dana@brightcuts.example');
  await page.getByLabel('Password').fill('dana-owner-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('the first run can load the demo salon instead', async ({ browser, newServer }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(newServer.url);
  await page.getByRole('button', { name: 'Explore the demo salon instead' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The demo salon is ready.' })).toContainText(DEMO_PASSWORD);
  await signIn(page, newServer.url, 'olivia@lumen.example');
  await expect(page.getByRole('button', { name: /Ava Thompson/ })).toBeVisible();
});
