// Email and text deliveries as staff see them (R11): a channel the server cannot send is not
// offered, and says why; a failed delivery reads in plain words and has Retry, which sends it
// once however quickly it is pressed twice.
import { expect, expectAccessible, test } from './fixtures';
import { conversationItems, messages, signIn } from './staff';

test('without an email or text provider, the client profile offers neither channel and says why', async ({ browser, server }) => {
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, server.url, 'priya@lumen.example');
  await conversationItems(desk).filter({ hasText: 'Ava Thompson' }).click();
  const panel = desk.getByRole('complementary', { name: 'Client profile' });
  await panel.getByRole('button', { name: 'Edit client profile' }).click();
  const email = panel.getByRole('checkbox', { name: 'Email', exact: true });
  await expect(email).toBeDisabled();
  await expect(email).toHaveAccessibleDescription("Email isn't set up for this salon yet — ask your manager.");
  await expect(panel.getByRole('checkbox', { name: 'Text message' })).toBeDisabled();
  await expect(panel.getByRole('checkbox', { name: 'Text message' })).toHaveAccessibleDescription(
    "Text messages aren't set up for this salon yet — ask your manager.",
  );
  await expect(panel).not.toContainText('INBOX_');
  await expectAccessible(desk, 'client profile without providers');
});

test('a failed email says why in plain words, and Retry sends it once', async ({ browser, providerServer: server }) => {
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, server.url, 'priya@lumen.example');
  await conversationItems(desk).filter({ hasText: 'Ava Thompson' }).click();
  const panel = desk.getByRole('complementary', { name: 'Client profile' });
  await panel.getByRole('button', { name: 'Edit client profile' }).click();
  await panel.getByRole('checkbox', { name: 'Email', exact: true }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Client profile saved.');

  // Her mail server turns the email away.
  server.smtp.rejects.add('ava@example.com');
  await desk.getByRole('textbox', { name: 'Reply' }).fill('Your fringe trim is booked too.');
  await desk.getByRole('button', { name: 'Send', exact: true }).click();
  const delivery = messages(desk).last().getByTestId('delivery');
  await expect(delivery).toHaveAttribute('data-state', 'failed');
  await expect(delivery).toContainText("Email: failed (The email service refused this address. Check the client's email address.)");
  await expectAccessible(desk, 'a failed email with Retry');

  // It takes mail again; Retry pressed twice in a row sends one email.
  server.smtp.rejects.clear();
  await delivery.getByRole('button', { name: 'Retry email' }).dblclick();
  await expect(delivery).toHaveAttribute('data-state', 'sent');
  await expect(delivery).toHaveText('Email: sent');
  expect(server.smtp.received.filter((mail) => mail.raw.includes('Your fringe trim is booked too.'))).toHaveLength(1);
});
