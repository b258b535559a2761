// Forms show every problem at once, each beside its field (aria-invalid, described by its
// problem) under one summary line: the permission group and member editors, the PIN card and
// the client page's notification switches.
import Database from 'better-sqlite3';
import { expect, expectAccessible, test } from './fixtures';
import { openSettings, signIn } from './staff';

const AVA = 1;

test('the group and member editors say every problem beside its field', async ({ page, server }) => {
  await signIn(page, server.url, 'olivia@lumen.example');
  await openSettings(page, 'Team');

  await page.getByRole('button', { name: 'Add permission group' }).click();
  const groupForm = page.getByRole('region', { name: 'Add permission group' });
  const name = groupForm.getByRole('textbox', { name: 'Group name' });
  await groupForm.getByRole('button', { name: 'Save' }).click();
  await expect(groupForm.getByRole('alert')).toHaveText('Give the group a name.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Give the group a name.');
  await name.fill('Front desk');
  await expect(name).toHaveAccessibleDescription('There is already a group called Front desk.');
  await expectAccessible(page, 'group editor with its problem shown');
  await name.fill('Colourists');
  await expect(name).not.toHaveAttribute('aria-invalid');
  await groupForm.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Edit Marcus Reid' }).click();
  const memberForm = page.getByRole('region', { name: 'Marcus Reid' });
  await memberForm.getByRole('checkbox', { name: 'Lumen Soho' }).uncheck();
  await memberForm.getByRole('checkbox', { name: 'Lumen Shoreditch' }).uncheck();
  await memberForm.getByRole('button', { name: 'Save' }).click();
  await expect(memberForm.getByRole('alert')).toHaveText('Choose at least one location the team member works at.');
  await expect(memberForm.getByRole('group', { name: 'Locations' })).toHaveAccessibleDescription('Choose at least one location the team member works at.');
  await expectAccessible(page, 'member editor with its problem shown');
  await memberForm.getByRole('checkbox', { name: 'Lumen Soho' }).check();
  await memberForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('team-member').filter({ hasText: 'Marcus Reid' })).not.toContainText('Shoreditch');
});

test('the PIN card says every problem at once, each beside its field', async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  const card = page.getByTestId('pin-settings');
  await card.getByLabel('PIN', { exact: true }).fill('1234');
  await card.getByLabel('Type the PIN again').fill('1235');
  await card.getByRole('button', { name: 'Save PIN' }).click();
  await expect(card.getByRole('alert')).toHaveText('3 fields need fixing. Each says what is wrong beside it.');
  await expect(card.getByLabel('PIN', { exact: true })).toHaveAccessibleDescription('That PIN is too easy to guess (a repeat or a run like 1234). Choose another.');
  await expect(card.getByLabel('Type the PIN again')).toHaveAccessibleDescription("The two PINs don't match. Type the same PIN twice.");
  await expect(card.getByLabel('Your password')).toHaveAccessibleDescription('Enter your password to confirm it is you.');
  await expectAccessible(page, 'PIN card with every problem shown');

  await card.getByLabel('PIN', { exact: true }).fill('2580');
  await card.getByLabel('Type the PIN again').fill('2580');
  await card.getByRole('button', { name: 'Save PIN' }).click();
  await expect(card.getByRole('alert')).toHaveText('Enter your password to confirm it is you.');
  await expect(card.getByLabel('PIN', { exact: true })).not.toHaveAttribute('aria-invalid');
  await card.getByLabel('Your password').fill('lumen-demo');
  await card.getByRole('button', { name: 'Save PIN' }).click();
  await expect(card.getByText('Your PIN is saved.')).toBeVisible();
  await expect(card.getByLabel('Your password')).not.toHaveAttribute('aria-invalid');
});

test('the client page says why each of its switches could not be turned on', async ({ page, server }) => {
  // Ava's texts are on but the salon lost her mobile number; this salon sends no email at all.
  const db = new Database(server.databaseFile);
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE clients SET sms_notifications = 1, mobile = NULL WHERE id = ?').run(AVA);
  db.close();

  await page.goto(await server.clientPageUrl(AVA));
  const howWeTell = page.getByRole('region', { name: 'How we let you know' });
  const email = howWeTell.getByRole('checkbox', { name: /Also email me at/ });
  await email.click();
  await expect(howWeTell.getByRole('alert')).toHaveText('2 fields need fixing. Each says what is wrong beside it.');
  await expect(email).not.toBeChecked();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription("This salon doesn't send emails yet. You'll see their replies here.");
  const text = howWeTell.getByRole('checkbox', { name: /Also text me/ });
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveAccessibleDescription(/We have no valid mobile number for you. Ask the salon to add one./);
  await expectAccessible(page, 'client page with both switches refused');
});
