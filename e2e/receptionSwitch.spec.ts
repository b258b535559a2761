// A shared reception computer: set up for quick switching with a password sign-in, two team
// members switch on it with their PINs and each reply is theirs on the client's side, the
// screen locks after idle and then notifies without message text.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, messageList, messages, signIn } from './staff';

const AVA = 1;
const PRIYA_PIN = '2580';
const MARCUS_PIN = '7391';

type RecordedNotification = { title: string; body: string };
declare global {
  interface Window {
    receptionNotifications: RecordedNotification[];
  }
}

/** The browser's Notification API replaced by a recorder, so the real notification path runs. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.receptionNotifications = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.receptionNotifications.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
  });
}

async function openThisComputer(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'This computer', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This computer', level: 1 })).toBeVisible();
}

/** Settings → This computer: quick switching for Lumen Soho (the signed-in member's password session). */
async function setUpQuickSwitching(page: Page): Promise<void> {
  await openThisComputer(page);
  const setup = page.getByTestId('quick-switch-setup');
  await setup.getByLabel('Location of this computer').selectOption({ label: 'Lumen Soho' });
  await setup.getByRole('button', { name: 'Set up quick switching' }).click();
  await expect(setup.getByText('This computer is set up for quick switching at Lumen Soho.')).toBeVisible();
}

async function setPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  const card = page.getByTestId('pin-settings');
  await card.getByLabel('PIN', { exact: true }).fill(pin);
  await card.getByLabel('Type the PIN again').fill(pin);
  await card.getByLabel('Your password').fill(DEMO_PASSWORD);
  await card.getByRole('button', { name: 'Save PIN' }).click();
  await expect(card.getByText('Your PIN is saved.')).toBeVisible();
}

const lockScreen = (page: Page) => page.getByTestId('lock-screen');
const memberName = (page: Page) => page.locator('.top-bar__member-name');

async function switchTo(page: Page, name: string, pin: string): Promise<void> {
  await lockScreen(page).getByRole('button', { name }).click();
  await lockScreen(page).getByLabel(`PIN for ${name}`).fill(pin);
  await lockScreen(page).getByRole('button', { name: 'Unlock' }).click();
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(memberName(page)).toHaveText(name);
}

async function replyToAva(page: Page, text: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Messages/ }).click();
  await page.getByRole('button', { name: /Ava Thompson/ }).click();
  await page.getByRole('textbox', { name: 'Reply' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(page).last()).toContainText(text);
  await expect(messages(page).last()).toHaveAttribute('data-status', /sent|read/);
}

test('two team members switch on one reception screen with PINs, each reply is theirs, and the screen locks after idle', async ({
  browser,
  server,
}) => {
  const desk = await (await browser.newContext()).newPage();
  await recordNotifications(desk);

  // Priya signs in with her password, sets the computer up for Lumen Soho and sets her PIN.
  await signIn(desk, server.url, 'priya@lumen.example');
  await setUpQuickSwitching(desk);
  await expectAccessible(desk, 'This computer');
  await setPin(desk, PRIYA_PIN);

  // Marcus signs in on the same computer with his password (from the lock screen) and sets his PIN.
  await desk.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(lockScreen(desk).getByRole('heading', { name: 'This computer is locked' })).toBeVisible();
  await expect(lockScreen(desk).getByRole('list', { name: 'Team members' }).getByRole('button')).toHaveText([/Priya Shah/]);
  await lockScreen(desk).getByRole('button', { name: 'Sign in with email and password' }).click();
  await desk.getByLabel('Email').fill('marcus@lumen.example');
  await desk.getByLabel('Password').fill(DEMO_PASSWORD);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await expect(memberName(desk)).toHaveText('Marcus Reid');
  await setPin(desk, MARCUS_PIN);

  // Lock; the inbox is hidden behind the lock screen, which offers both names.
  await desk.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(lockScreen(desk).getByRole('list', { name: 'Team members' }).getByRole('button')).toHaveText([/Marcus Reid/, /Priya Shah/]);
  await expect(desk.getByRole('banner')).toBeHidden();
  // Whoever is signed in underneath is named.
  await expect(lockScreen(desk).getByTestId('lock-signed-in')).toHaveText('Marcus Reid is still signed in underneath.');
  await expectAccessible(desk, 'lock screen');

  // A wrong PIN is refused and counted.
  await lockScreen(desk).getByRole('button', { name: 'Priya Shah' }).click();
  await lockScreen(desk).getByLabel('PIN for Priya Shah').fill('1111');
  await lockScreen(desk).getByRole('button', { name: 'Unlock' }).click();
  await expect(lockScreen(desk).getByRole('alert')).toHaveText('Wrong PIN. 4 tries left before the PIN locks.');

  // Priya switches in and replies; then Marcus does.
  await lockScreen(desk).getByLabel('PIN for Priya Shah').fill(PRIYA_PIN);
  await lockScreen(desk).getByRole('button', { name: 'Unlock' }).click();
  await expect(memberName(desk)).toHaveText('Priya Shah');
  await replyToAva(desk, 'Priya here: your colour is booked.');

  await desk.getByRole('button', { name: 'Lock', exact: true }).click();
  await switchTo(desk, 'Marcus Reid', MARCUS_PIN);
  await replyToAva(desk, 'Marcus here: see you at ten.');

  // The client sees each reply under the name of the member who sent it.
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  const fromPriya = messages(client).filter({ hasText: 'Priya here: your colour is booked.' });
  const fromMarcus = messages(client).filter({ hasText: 'Marcus here: see you at ten.' });
  await expect(fromPriya).toContainText('Priya Shah');
  await expect(fromMarcus).toContainText('Marcus Reid');

  // This computer locks after its idle time (a per-computer setting; set small here, then the
  // app reloads to pick it up) without anyone touching it.
  await desk.evaluate(() => localStorage.setItem('frontDeskInbox.pref:lock.idleSeconds', '3'));
  await desk.reload();
  await expect(memberName(desk)).toHaveText('Marcus Reid');
  await expect(lockScreen(desk)).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByRole('banner')).toBeHidden();
  await expect(lockScreen(desk).getByTestId('lock-signed-in')).toHaveText('Marcus Reid is still signed in underneath.');

  // Locked, a new client message notifies without its text or sender.
  await client.getByRole('textbox', { name: 'Message' }).fill('My door code is 4471');
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(messages(client).last()).toHaveAttribute('data-status', 'sent');
  await expect.poll(() => desk.evaluate(() => window.receptionNotifications)).toEqual([
    { title: 'New client message', body: 'Unlock the screen to read it.' },
  ]);

  // Unlocking shows the inbox again, with the message.
  await switchTo(desk, 'Marcus Reid', MARCUS_PIN);
  await desk.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messageList(desk).getByText('My door code is 4471', { exact: true })).toBeVisible();

  // Signed out, this computer offers PINs at sign-in too.
  await desk.getByRole('button', { name: 'Sign out', exact: true }).click();
  await desk.getByRole('button', { name: 'Use a PIN instead' }).click();
  await expect(lockScreen(desk).getByRole('heading', { name: 'Sign in with your PIN' })).toBeVisible();
  await lockScreen(desk).getByRole('button', { name: 'Priya Shah' }).click();
  await lockScreen(desk).getByLabel('PIN for Priya Shah').fill(PRIYA_PIN);
  await lockScreen(desk).getByRole('button', { name: 'Continue' }).click();
  await expect(memberName(desk)).toHaveText('Priya Shah');
});

test('a manager removes a reception computer: PINs stop working on it, a password sign-in still does', async ({ browser, server }) => {
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, server.url, 'priya@lumen.example');
  await setUpQuickSwitching(desk);
  await setPin(desk, PRIYA_PIN);
  await desk.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(lockScreen(desk).getByRole('list', { name: 'Team members' }).getByRole('button')).toHaveText([/Priya Shah/]);

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await manager.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await manager.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Team', exact: true }).click();
  const computers = manager.getByTestId('reception-computers');
  await expect(computers.getByTestId('reception-computer')).toHaveCount(1);
  await expect(computers.getByTestId('reception-computer')).toContainText('Lumen Soho');
  await expect(computers.getByTestId('reception-computer')).toContainText('by Priya Shah');
  await computers.getByRole('button', { name: 'Remove the computer at Lumen Soho' }).click();
  await manager.getByRole('dialog', { name: 'Remove the reception computer at Lumen Soho?' }).getByRole('button', { name: 'Remove computer' }).click();
  await expect(computers.getByRole('status')).toContainText('no longer switches by PIN');
  await expect(computers.getByTestId('reception-computer')).toHaveCount(0);
  await expectAccessible(manager, 'Team with reception computers');

  await lockScreen(desk).getByRole('button', { name: 'Priya Shah' }).click();
  await lockScreen(desk).getByLabel('PIN for Priya Shah').fill(PRIYA_PIN);
  await lockScreen(desk).getByRole('button', { name: 'Unlock' }).click();
  await expect(lockScreen(desk).getByRole('alert')).toContainText("This computer isn't set up for quick switching.");
  await lockScreen(desk).getByRole('button', { name: 'Sign in with email and password' }).click();
  await desk.getByLabel('Email').fill('priya@lumen.example');
  await desk.getByLabel('Password').fill(DEMO_PASSWORD);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await expect(memberName(desk)).toHaveText('Priya Shah');
  // That password sign-in set the computer up again, as the removal said it would.
  await manager.reload();
  await expect(manager.getByTestId('reception-computers').getByTestId('reception-computer')).toHaveCount(1);
});
