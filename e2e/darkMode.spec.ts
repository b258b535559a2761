// Dark mode follows the operating system (prefers-color-scheme) on the staff app and the client
// page, and stays readable: axe finds no violation on the main screens in either scheme, and an
// unticked checkbox's border stands out from the card it is on by at least 3:1 (axe checks text
// only, so the control's border is measured here).
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { messages, openSettings, signIn } from './staff';

const AVA = 1;

/** Contrast ratio (WCAG) between an element's border and the background it sits on. */
function borderContrast(box: Locator): Promise<number> {
  return box.evaluate((element) => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [lr, lg, lb] = [r, g, b].map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
    };
    let behind: Element | null = element.parentElement;
    while (behind && (rgb(getComputedStyle(behind).backgroundColor)[3] === 0 || getComputedStyle(behind).backgroundColor === 'transparent')) {
      behind = behind.parentElement;
    }
    const border = luminance(rgb(getComputedStyle(element).borderTopColor));
    const background = luminance(rgb(getComputedStyle(behind ?? document.body).backgroundColor));
    const [light, dark] = border > background ? [border, background] : [background, border];
    return (light + 0.05) / (dark + 0.05);
  });
}

async function pageIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r = 255, g = 255, b = 255] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
    return r + g + b < 3 * 64;
  });
}

async function untickedCheckboxContrast(page: Page): Promise<number> {
  await openSettings(page, 'Messages');
  await page.getByRole('button', { name: 'Edit' }).click();
  const typing = page.getByRole('checkbox', { name: 'Allow typing indicator', exact: true });
  await typing.uncheck();
  const contrast = await borderContrast(typing);
  await page.getByRole('button', { name: 'Cancel' }).click();
  return contrast;
}

test('in light mode an unticked checkbox has a border that stands out', async ({ browser, server }) => {
  const page = await (await browser.newContext({ colorScheme: 'light' })).newPage();
  await signIn(page, server.url, 'olivia@lumen.example');
  expect(await pageIsDark(page)).toBe(false);
  expect(await untickedCheckboxContrast(page)).toBeGreaterThanOrEqual(3);
});

test('dark mode follows the system on the staff sign-in and inbox, with no accessibility violations', async ({ browser, server }) => {
  const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await pageIsDark(page)).toBe(true);
  await expectAccessible(page, 'sign-in, dark');

  await signIn(page, server.url, 'olivia@lumen.example');
  await page.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(page).last()).toContainText('Happy to pay extra if needed.');
  await expectAccessible(page, 'inbox with a conversation, dark');
});

test('dark mode on the staff settings and profile screens, with no accessibility violations', async ({ browser, server }) => {
  const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  await signIn(page, server.url, 'olivia@lumen.example');
  expect(await untickedCheckboxContrast(page)).toBeGreaterThanOrEqual(3);
  await expectAccessible(page, 'messages settings, dark');
  await openSettings(page, 'Team');
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expectAccessible(page, 'team, dark');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  await expectAccessible(page, 'profile, dark');
});

test('dark mode follows the system on the client page, with no accessibility violations', async ({ browser, server }) => {
  const client = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).last()).toContainText('Happy to pay extra if needed.');
  expect(await pageIsDark(client)).toBe(true);
  await expectAccessible(client, 'client page, dark');
});
