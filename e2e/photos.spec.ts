// Photos in a conversation: an image pasted into the reply box or files dropped on the
// conversation are checked and attached like picked ones (with a preview whose blob: URL goes
// when the draft does), and thumbnails open a full-size viewer driven by the keyboard.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { messages, signIn } from './staff';

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

type FileSpec = { name: string; type: string; base64: string };
const png = (name: string): FileSpec => ({ name, type: 'image/png', base64: ONE_PIXEL_PNG });
const text = (name: string): FileSpec => ({ name, type: 'text/plain', base64: Buffer.from('not an image').toString('base64') });

declare global {
  interface Window {
    revokedUrls: string[];
  }
}

/** Records every blob: URL the page revokes, to check a draft's preview lets its memory go. */
async function recordRevokedUrls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.revokedUrls = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url: string) => {
      window.revokedUrls.push(url);
      revoke(url);
    };
  });
}

/** Fires a real paste (ClipboardEvent) or drop (DragEvent) carrying these files at `selector`. */
async function fireWithFiles(page: Page, selector: string, kind: 'paste' | 'drop', files: FileSpec[]): Promise<void> {
  await page.locator(selector).evaluate(
    (target, { kind, files }) => {
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      if (kind === 'paste') {
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { kind, files },
  );
}

const composer = (page: Page) => page.getByRole('textbox', { name: 'Reply' });
const drafts = (page: Page) => page.getByTestId('attachment-draft');
const thumbnails = (page: Page) => page.getByTestId('attachment-draft-thumbnail');

test('paste an image into the reply box, drop files on the conversation; previews go with their drafts', async ({ page, server }) => {
  await recordRevokedUrls(page);
  await signIn(page, server.url, 'priya@lumen.example');
  await page.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(page).last()).toContainText('Happy to pay extra if needed.');

  // Pasted: the image is attached with a preview; a pasted text file is refused, saying why.
  await fireWithFiles(page, '.composer__input', 'paste', [png('pasted.png'), text('notes.txt')]);
  await expect(drafts(page)).toHaveCount(1);
  await expect(drafts(page)).toHaveAttribute('data-status', 'uploaded');
  await expect(drafts(page)).toContainText('pasted.png');
  await expect(page.getByTestId('attachment-problems')).toContainText("notes.txt can't be attached");
  const pastedPreview = await thumbnails(page).getAttribute('src');
  expect(pastedPreview).toMatch(/^blob:/);
  expect(await thumbnails(page).evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);

  // Removed: its preview's URL is revoked.
  await page.getByRole('button', { name: 'Remove pasted.png' }).click();
  await expect(drafts(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.revokedUrls)).toContain(pastedPreview);

  // Dropped on the message history: both images attach, and go with the reply.
  await fireWithFiles(page, '[aria-label="Message history"]', 'drop', [png('before.png'), png('after.png')]);
  await expect(drafts(page)).toHaveCount(2);
  await expect(drafts(page).nth(1)).toHaveAttribute('data-status', 'uploaded');
  await expect(drafts(page).nth(0)).toHaveAttribute('data-status', 'uploaded');
  const droppedPreviews = await thumbnails(page).evaluateAll((images) => images.map((image) => image.getAttribute('src')));
  await composer(page).fill('Here is the before and after');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(page).last()).toContainText('Here is the before and after');
  await expect(messages(page).last().getByTestId('attachment')).toHaveCount(2);
  await expect(drafts(page)).toHaveCount(0);
  // Sent: the previews' URLs are revoked too.
  await expect.poll(() => page.evaluate(() => window.revokedUrls)).toEqual(expect.arrayContaining(droppedPreviews));
});

test('the photo viewer: open a thumbnail, ← and → between photos, Esc closes and the focus returns', async ({ browser, server }) => {
  const page = await (await browser.newContext({ colorScheme: 'light' })).newPage();
  await signIn(page, server.url, 'priya@lumen.example');
  await page.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(page).last()).toContainText('Happy to pay extra if needed.');
  await fireWithFiles(page, '[aria-label="Message history"]', 'drop', [png('first.png'), png('second.png'), png('third.png')]);
  await expect(drafts(page)).toHaveCount(3);
  for (const index of [0, 1, 2]) await expect(drafts(page).nth(index)).toHaveAttribute('data-status', 'uploaded');
  await composer(page).fill('Three photos');
  await composer(page).press('Enter');
  const second = page.getByRole('button', { name: 'View second.png full size' });
  await expect(second).toBeVisible();

  await second.focus();
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: 'second.png' });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText('Photo 2 of 3');
  await expect(viewer.getByRole('img', { name: 'second.png' })).toHaveJSProperty('naturalWidth', 1);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'third.png' })).toContainText('Photo 3 of 3');
  await expect(page.getByRole('button', { name: 'Next photo →' })).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: 'first.png' })).toContainText('Photo 1 of 3');

  await expectAccessible(page, 'photo viewer, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'photo viewer, dark');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('photo-viewer')).toHaveCount(0);
  await expect(second).toBeFocused();
});
