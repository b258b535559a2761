// What a team member does in the inbox, as steps the specs share.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const DEMO_PASSWORD = 'lumen-demo';

export async function signIn(page: Page, serverUrl: string, email: string): Promise<void> {
  await page.goto(serverUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export const conversationItems = (page: Page) => page.getByTestId('conversation-item');

export const messageList = (page: Page) => page.getByRole('list', { name: 'Messages' });

export const messages = (page: Page) => messageList(page).getByTestId('message');

/** Opens a Settings page from the rail (Messages settings, Team or Audit log). */
export async function openSettings(page: Page, section: 'Messages' | 'Team' | 'Audit log'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: section, exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}
