// A team member changes their own password on the Profile page: the current one is checked, the
// new one applies at the next sign-in, and their other computers are signed out, told why.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, signIn, signOut } from './staff';

const NEW_PASSWORD = 'priya-at-the-front-desk';

async function signInWith(page: Page, password: string) {
  await page.getByLabel('Email').fill('priya@lumen.example');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a member changes their password: checked, applied at the next sign-in, other computers signed out', async ({ browser, server }) => {
  const desk = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await signIn(laptop, server.url, 'priya@lumen.example');
  await signIn(desk, server.url, 'priya@lumen.example');

  await desk.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  const card = desk.getByTestId('password-settings');
  await expectAccessible(desk, 'profile with the password card');
  const fill = async (current: string, next: string, again: string) => {
    await card.getByLabel('Current password').fill(current);
    await card.getByLabel('New password', { exact: true }).fill(next);
    await card.getByLabel('Type the new password again').fill(again);
    await card.getByRole('button', { name: 'Change password' }).click();
  };

  await fill(DEMO_PASSWORD, 'short', 'short');
  await expect(card.getByRole('alert')).toHaveText('Use at least 10 characters.');
  await fill(DEMO_PASSWORD, NEW_PASSWORD, 'something else entirely');
  await expect(card.getByRole('alert')).toHaveText("The two new passwords don't match. Type the same password twice.");
  await fill('not-my-password', NEW_PASSWORD, NEW_PASSWORD);
  await expect(card.getByRole('alert')).toHaveText('Your password is not correct, so nothing was changed.');

  await fill(DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
  await expect(card.getByRole('status').filter({ hasText: 'Your password is changed' })).toContainText('1 other session was signed out.');
  await expect(laptop.getByText('Your password was changed, on another computer or by a manager.')).toBeVisible();

  // This computer stays signed in; the next sign-in needs the new password.
  await signOut(desk);
  await signInWith(desk, DEMO_PASSWORD);
  await expect(desk.getByText('The email or password is incorrect.')).toBeVisible();
  await signInWith(desk, NEW_PASSWORD);
  await expect(desk.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test("changing the password clears the member's PIN, and the Profile says why", async ({ page, server }) => {
  await signIn(page, server.url, 'priya@lumen.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  const pinCard = page.getByTestId('pin-settings');
  await pinCard.getByLabel('PIN', { exact: true }).fill('258013');
  await pinCard.getByLabel('Type the PIN again').fill('258013');
  await pinCard.getByLabel('Your password').fill(DEMO_PASSWORD);
  await pinCard.getByRole('button', { name: 'Save PIN' }).click();
  await expect(pinCard.getByText('You have a PIN.')).toBeVisible();

  const card = page.getByTestId('password-settings');
  await card.getByLabel('Current password').fill(DEMO_PASSWORD);
  await card.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await card.getByLabel('Type the new password again').fill(NEW_PASSWORD);
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Your password is changed' })).toContainText(
    'Your quick-switch PIN was cleared with the old password: set a new one above.',
  );
  await expect(pinCard.getByText('Your PIN was cleared because your password was changed. Set a new one to use quick switching again.')).toBeVisible();
  await expectAccessible(page, 'profile with a cleared PIN');
});
