// Removing people and groups from the team: a manager deactivates a member whose app is open (it
// is signed out at once and says why; they cannot sign in until reactivated), and deletes a
// permission group nobody is in.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, openSettings, signIn } from './staff';

/** Opens the member's editor on the Team page and deactivates them, confirming. */
async function deactivate(manager: Page, name: string): Promise<void> {
  await manager.getByRole('button', { name: `Edit ${name}` }).click();
  await manager.getByRole('button', { name: `Deactivate ${name}` }).click();
  await manager.getByRole('dialog', { name: `Deactivate ${name}?` }).getByRole('button', { name: 'Deactivate account' }).click();
}

test('a manager deactivates a member: their open app is signed out and says why, and signing in is refused', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();
  await signIn(member, server.url, 'sofia@lumen.example');
  await expect(member.getByRole('button', { name: /Ava Thompson/ })).toBeVisible();

  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');
  await manager.getByRole('button', { name: 'Edit Sofia Marin' }).click();
  await manager.getByRole('button', { name: 'Deactivate Sofia Marin' }).click();
  const confirm = manager.getByRole('dialog', { name: 'Deactivate Sofia Marin?' });
  await expectAccessible(manager, 'deactivate confirmation');
  await confirm.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Sofia Marin was deactivated and signed out of 1 session' })).toBeVisible();

  // Her open app is back at sign-in and says why; signing in is answered like a wrong password.
  await expect(member.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(member.getByRole('status').filter({ hasText: 'A manager deactivated your account' })).toBeVisible();
  await member.getByLabel('Email').fill('sofia@lumen.example');
  await member.getByLabel('Password').fill(DEMO_PASSWORD);
  await member.getByRole('button', { name: 'Sign in' }).click();
  await expect(member.getByRole('alert')).toContainText('The email or password is incorrect.');
});

test('a deactivated member leaves the active list for "Deactivated", and can be reactivated', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');
  await deactivate(manager, 'Sofia Marin');

  await expect(manager.getByTestId('team-member').filter({ hasText: 'Sofia Marin' })).toHaveCount(0);
  const deactivated = manager.getByTestId('deactivated-member').filter({ hasText: 'Sofia Marin' });
  await expect(deactivated).toBeVisible();
  await expectAccessible(manager, 'team with a deactivated member');

  await deactivated.getByRole('button', { name: 'Reactivate Sofia Marin' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Sofia Marin was reactivated' })).toBeVisible();
  await expect(manager.getByTestId('team-member').filter({ hasText: 'Sofia Marin' })).toContainText('Stylists');
  const member = await (await browser.newContext()).newPage();
  await signIn(member, server.url, 'sofia@lumen.example');
});

test('a manager deletes a permission group nobody is in; one with members cannot be deleted', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');

  await manager.getByRole('button', { name: 'Edit Stylists' }).click();
  await expect(manager.getByTestId('delete-group')).toContainText('Move its team member (deactivated ones too) to another group before deleting it.');
  await expect(manager.getByRole('button', { name: 'Delete group Stylists' })).toBeDisabled();
  await manager.getByRole('button', { name: 'Cancel' }).click();

  await manager.getByRole('button', { name: 'Add permission group' }).click();
  await manager.getByRole('textbox', { name: 'Group name' }).fill('Weekend cover');
  await manager.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByTestId('permission-group').filter({ hasText: 'Weekend cover' })).toBeVisible();

  await manager.getByRole('button', { name: 'Edit Weekend cover' }).click();
  await manager.getByRole('button', { name: 'Delete group Weekend cover' }).click();
  await manager.getByRole('dialog', { name: 'Delete permission group Weekend cover?' }).getByRole('button', { name: 'Delete permission group' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Permission group Weekend cover deleted.' })).toBeVisible();
  await expect(manager.getByTestId('permission-group').filter({ hasText: 'Weekend cover' })).toHaveCount(0);

  await openSettings(manager, 'Audit log');
  await expect(manager.getByTestId('audit-entry').first()).toContainText('Deleted a permission group');
});
