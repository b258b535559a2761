// What the inbox says in the states around a conversation: a new workspace's empty inbox, a
// conversation that cannot be read offline, the unread badge while Client Connect is off, the
// newest message staying in view as the composer grows, and where the sign-in screen starts.
import { sampleFiles } from '../server/testing/sampleFiles';
import { expect, expectAccessible, test } from './fixtures';
import { RECONNECTED, socketSwitch } from './network';
import { messageList, messages, openSettings, signIn } from './staff';

test('the sign-in screen starts in the Email field', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByLabel('Email')).toBeFocused();
});

test("a new workspace's empty inbox gives its owner the next steps, with links to where they are done", async ({ browser, newServer }) => {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(newServer.url);
  await page.getByLabel('Business name').fill('Bright Cuts');
  await page.getByLabel('Your name').fill('Dana Reyes');
  await page.getByLabel('Your email').fill('dana@brightcuts.example');
  await page.getByLabel('Password (at least 10 characters)').fill('dana-owner-password');
  await page.getByLabel('Type the password again').fill('dana-owner-password');
  await page.getByRole('button', { name: 'Create my inbox' }).click();

  const checklist = page.getByTestId('getting-started');
  await expect(checklist.getByRole('heading', { name: 'Get Bright Cuts ready for client messages' })).toBeVisible();
  await expect(checklist.getByTestId('getting-started-step')).toHaveText([/Connect your booking system/, /Add your team/, /Turn on Client Connect/]);
  await expect(checklist.getByRole('link', { name: 'Open Messages settings' })).toHaveAttribute('href', '#/settings/messages');
  await expectAccessible(page, 'empty inbox with the getting-started checklist');
  await checklist.getByRole('link', { name: 'Open Team settings' }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
});

test('offline, a conversation never opened on this computer says so and offers no reply box until it loads', async ({ browser, server }) => {
  const context = await browser.newContext();
  const network = await socketSwitch(context);
  const staff = await context.newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await expect(staff.getByRole('button', { name: /Isla Brown/ })).toBeVisible();
  await network.upgraded();

  await network.block();
  await expect(staff.getByTestId('offline-banner')).toContainText('Offline');
  await staff.getByRole('button', { name: /Isla Brown/ }).click();
  await expect(staff.getByTestId('conversation-unavailable')).toHaveText(
    "This conversation isn't available offline — it will load when you're back online.",
  );
  await expect(staff.getByText('Loading messages…')).toHaveCount(0);
  await expect(staff.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expectAccessible(staff, 'conversation not available offline');

  await network.restore();
  await expect(messages(staff).first()).toContainText('Sorry, I had to cancel my colour refresh.', RECONNECTED);
  await expect(staff.getByRole('textbox', { name: 'Reply' })).toBeVisible();
  await expect(staff.getByTestId('conversation-unavailable')).toHaveCount(0);
});

test('the unread badge is not shown while Client Connect is off, in the rail or the window title', async ({ page, server }) => {
  await signIn(page, server.url, 'olivia@lumen.example');
  const messagesButton = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Messages/ });
  await expect(messagesButton).toHaveAccessibleName(/unread/);
  await expect(page).toHaveTitle(/^\(\d+\) /);

  await openSettings(page, 'Messages');
  await page.getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('dialog', { name: 'Turn off Client Connect?' }).getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByTestId('client-connect-status')).toHaveText('Client Connect is disabled');
  await expect(messagesButton).toHaveAccessibleName('Messages');
  await expect(page).not.toHaveTitle(/^\(\d+\) /);

  await page.getByRole('button', { name: 'Enable' }).click();
  await expect(messagesButton).toHaveAccessibleName(/unread/);
  await expect(page).toHaveTitle(/^\(\d+\) /);
});

test('the newest message stays in view when the composer grows', async ({ browser, server }) => {
  const staff = await (await browser.newContext({ viewport: { width: 1100, height: 560 } })).newPage();
  await signIn(staff, server.url, 'priya@lumen.example');
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();
  const reply = staff.getByRole('textbox', { name: 'Reply' });
  for (const text of ['First note', 'Second note', 'Third note', 'The newest reply']) {
    await reply.fill(text);
    await staff.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(messages(staff).last()).toHaveAttribute('data-status', /sent|read/);
  }
  const history = staff.getByRole('region', { name: 'Message history' });
  expect(await history.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);

  const newestInView = async () => {
    const [box, newest] = await Promise.all([history.boundingBox(), messageList(staff).getByText('The newest reply').boundingBox()]);
    return box !== null && newest !== null && newest.y + newest.height <= box.y + box.height + 1;
  };
  await expect.poll(newestInView).toBe(true);

  // Attachment chips and a refused file's explanation push the composer up.
  const picker = staff.getByTestId('attachment-input');
  await picker.setInputFiles([
    { name: 'swatch.png', mimeType: 'image/png', buffer: sampleFiles.png },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
  ]);
  await expect(staff.getByTestId('attachment-problems')).toBeVisible();
  await expect(staff.getByTestId('attachment-draft')).toHaveCount(1);
  await expect.poll(newestInView).toBe(true);
});
