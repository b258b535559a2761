// Notes from the conversation page: an internal note with an @mention (the colleague gets a
// desktop notification, the writer is told who cannot see it, the client page never shows it),
// one written offline saved once on reconnect, and the client note beside the chat edited by
// two members at once (the later save is shown the clash instead of overwriting).
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { RECONNECTED, socketSwitch } from './network';
import { messageList, messages, signIn } from './staff';

const AVA = 1;

type RecordedNotification = { title: string; body: string };
declare global {
  interface Window {
    noteNotifications: RecordedNotification[];
    setNoteWindowFocused(focused: boolean): void;
  }
}

/** The browser's Notification API replaced by a recorder, so the web bridge's real notification
 * path runs without an OS prompt (as in triage.spec.ts). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.noteNotifications = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.noteNotifications.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    let focused = true;
    document.hasFocus = () => focused;
    window.setNoteWindowFocused = (value) => {
      focused = value;
      window.dispatchEvent(new Event(value ? 'focus' : 'blur'));
    };
  });
}

async function openAva(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Ava Thompson/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Ava Thompson', level: 2 })).toBeVisible();
  await expect(messages(page).first()).toBeVisible();
}

const notes = (page: Page) => messageList(page).getByTestId('internal-note');
const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Internal note' });

test('a note with a mention: the colleague is notified, the writer told who cannot see it, the client never sees it', async ({ browser, server }) => {
  // Three people's browsers (and an accessibility scan or a reconnect): more than one ordinary spec's time.
  test.setTimeout(180_000);
  const marcus = await (await browser.newContext()).newPage();
  const priya = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await recordNotifications(priya);
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).first()).toBeVisible();
  await signIn(priya, server.url, 'priya@lumen.example');
  await priya.evaluate(() => window.setNoteWindowFocused(false));
  await signIn(marcus, server.url, 'marcus@lumen.example');
  await openAva(marcus);

  await marcus.getByRole('button', { name: 'Note', exact: true }).click();
  await expect(marcus.getByRole('textbox', { name: 'Reply' })).toBeHidden();
  const box = noteBox(marcus);
  await box.pressSequentially('Patch test booked. @pri');
  const picker = marcus.getByRole('listbox', { name: 'Mention a colleague' });
  await expect(picker.getByRole('option', { name: /Priya Shah/ })).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue('Patch test booked. @Priya Shah ');
  // Tom has no chat access: offered, marked, and not notified.
  await box.pressSequentially('and @tom');
  await expect(picker.getByRole('option', { name: /Tom Hughes/ })).toContainText("can't see this conversation");
  await box.press('Enter');
  await box.pressSequentially('please check her allergy form');
  await box.press('Enter');

  const written = 'Patch test booked. @Priya Shah and @Tom Hughes please check her allergy form';
  await expect(notes(marcus).last()).toContainText(written);
  await expect(notes(marcus).last()).toContainText('Note');
  await expect(marcus.getByTestId('note-notice')).toHaveText("Tom Hughes can't see this conversation, so was not notified.");
  await expectAccessible(marcus, 'conversation with an internal note');

  await expect
    .poll(() => priya.evaluate(() => window.noteNotifications))
    .toContainEqual({ title: 'You were mentioned in a note', body: 'Marcus Reid mentioned you in a note on the conversation with Ava Thompson' });
  await openAva(priya);
  await expect(notes(priya).last()).toContainText(written);

  // A reply after the note reaches the client page; the note, written before it, never does.
  await marcus.getByRole('button', { name: 'Reply', exact: true }).click();
  await marcus.getByRole('textbox', { name: 'Reply' }).fill('Your patch test is booked for Friday.');
  await marcus.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(client).last()).toContainText('Your patch test is booked for Friday.');
  await expect(client.locator('body')).not.toContainText('allergy form');
  await expect(client.locator('body')).not.toContainText('Patch test booked');
});

test('a stylist who may only read writes a note; one written offline is saved once on reconnect', async ({ browser, server }) => {
  // Three people's browsers (and an accessibility scan or a reconnect): more than one ordinary spec's time.
  test.setTimeout(180_000);
  const sofiaContext = await browser.newContext();
  const network = await socketSwitch(sofiaContext);
  const sofia = await sofiaContext.newPage();
  const priya = await (await browser.newContext()).newPage();
  await signIn(priya, server.url, 'priya@lumen.example');
  await openAva(priya);
  await signIn(sofia, server.url, 'sofia@lumen.example');
  await openAva(sofia);
  await expect(sofia.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);

  await network.block();
  await expect(sofia.getByTestId('offline-banner')).toContainText('Offline');
  await noteBox(sofia).fill('Ava asked for the quiet chair');
  await noteBox(sofia).press('Enter');
  await expect(notes(sofia).last()).toContainText('Waiting to be saved');

  await network.restore();
  await expect(sofia.getByTestId('offline-banner')).toHaveAttribute('data-offline', 'false', RECONNECTED);
  await expect(notes(sofia).filter({ hasText: 'Ava asked for the quiet chair' })).toHaveCount(1);
  await expect(notes(sofia).last()).not.toContainText('Waiting to be saved');
  await expect(notes(priya).filter({ hasText: 'Ava asked for the quiet chair' })).toHaveCount(1);
  await expect(notes(priya).last()).toContainText('Sofia Marin');
});

test('the client note: edited beside the chat, and a colleague\'s newer save is shown as a clash', async ({ browser, server }) => {
  // Three people's browsers (and an accessibility scan or a reconnect): more than one ordinary spec's time.
  test.setTimeout(180_000);
  const priya = await (await browser.newContext()).newPage();
  const marcus = await (await browser.newContext()).newPage();
  const sofia = await (await browser.newContext()).newPage();
  for (const [page, email] of [[priya, 'priya'], [marcus, 'marcus'], [sofia, 'sofia']] as const) {
    await signIn(page, server.url, `${email}@lumen.example`);
    await openAva(page);
  }
  const panel = (page: Page) => page.getByRole('complementary', { name: 'Client note' });
  await expect(panel(priya)).toContainText('Nothing noted yet');

  // Both start editing the same version.
  await panel(priya).getByRole('button', { name: 'Edit client note' }).click();
  await panel(marcus).getByRole('button', { name: 'Edit client note' }).click();
  await panel(priya).getByRole('textbox', { name: 'Client note' }).fill('Patch test 2 March: no reaction');
  await panel(priya).getByRole('button', { name: 'Save client note' }).click();
  await expect(panel(priya).getByTestId('client-note-text')).toHaveText('Patch test 2 March: no reaction');
  await expect(panel(priya)).toContainText('Last changed by Priya Shah');
  // Read-only members see it live, without an Edit button.
  await expect(panel(sofia).getByTestId('client-note-text')).toHaveText('Patch test 2 March: no reaction');
  await expect(panel(sofia).getByRole('button', { name: 'Edit client note' })).toHaveCount(0);

  await panel(marcus).getByRole('textbox', { name: 'Client note' }).fill('Allergic to latex');
  await panel(marcus).getByRole('button', { name: 'Save client note' }).click();
  const clash = panel(marcus).getByTestId('client-note-clash');
  await expect(clash).toContainText('Someone else changed this client note meanwhile');
  await expect(clash).toContainText('Priya Shah saved: “Patch test 2 March: no reaction”');
  await expect(panel(marcus).getByRole('textbox', { name: 'Client note' })).toHaveValue('Allergic to latex');
  await expectAccessible(marcus, 'client note clash');

  // Marcus merges by hand and saves over it, knowingly.
  await panel(marcus).getByRole('textbox', { name: 'Client note' }).fill('Patch test 2 March: no reaction. Allergic to latex');
  await panel(marcus).getByRole('button', { name: 'Save mine over theirs client note' }).click();
  await expect(panel(marcus).getByTestId('client-note-text')).toHaveText('Patch test 2 March: no reaction. Allergic to latex');
  await expect(panel(priya).getByTestId('client-note-text')).toHaveText('Patch test 2 March: no reaction. Allergic to latex');
});
