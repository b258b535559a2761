// Offline and lossless: replies written while the server is unreachable wait in the
// outbox — through a reload — and are delivered exactly once when the connection is back; a
// manager's offline group edits apply on reconnect, and a clash with another manager's newer
// save is shown side by side for the manager to resolve.
import { expect, expectAccessible, test } from './fixtures';
import { RECONNECTED, socketSwitch } from './network';
import { conversationItems, messageList, messages, openSettings, signIn } from './staff';

const AVA = 1;

test('replies written offline stay pending through a reload and are delivered once on reconnect', async ({ browser, server }) => {
  const staffContext = await browser.newContext();
  const network = await socketSwitch(staffContext);
  const staff = await staffContext.newPage();
  const colleague = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();

  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).first()).toBeVisible();
  await signIn(colleague, server.url, 'marcus@lumen.example');
  await colleague.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(colleague).first()).toBeVisible();

  await signIn(staff, server.url, 'priya@lumen.example');
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(staff).first()).toBeVisible();
  const storedBefore = await messages(staff).count();

  // Only once the socket is on its WebSocket: a long-poll let through before would hang (network.ts).
  await network.upgraded();
  await network.block();
  const banner = staff.getByTestId('offline-banner');
  await expect(banner).toContainText('Offline');
  const reply = staff.getByRole('textbox', { name: 'Reply' });
  for (const text of ['First reply written offline', 'Second reply written offline']) {
    await reply.fill(text);
    await staff.getByRole('button', { name: 'Send', exact: true }).click();
  }
  const pending = messageList(staff).locator('[data-testid="message"][data-status="waiting"]');
  await expect(pending).toHaveCount(2);
  await expect(pending.first()).toContainText('Pending — will send automatically');
  await expect(pending.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(banner).toContainText('2 messages are waiting to send');
  await expectAccessible(staff, 'offline inbox with pending replies');

  // A reload while still offline: the inbox opens from this computer's copy, replies still pending.
  await staff.reload();
  await expect(banner).toContainText('Offline');
  await expect(conversationItems(staff).first()).toContainText('Ava Thompson');
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(staff).filter({ hasNot: staff.locator('[data-status="waiting"]') }).first()).toBeVisible();
  await expect(pending).toHaveCount(2);
  expect(await messages(colleague).filter({ hasText: 'written offline' }).count()).toBe(0);

  await network.restore();
  await expect(banner).toHaveAttribute('data-offline', 'false', RECONNECTED);
  // Stored now (it has an id): Sent, or already Read by Ava, whose chat is open.
  const delivered = messageList(staff).locator('[data-testid="message"][data-message-id]').filter({ hasText: 'written offline' });
  await expect(delivered).toHaveCount(2);
  await expect(pending).toHaveCount(0);
  await expect(messages(staff)).toHaveCount(storedBefore + 2);
  await expect(delivered.nth(0)).toContainText('First reply written offline');
  await expect(delivered.nth(1)).toContainText('Second reply written offline');

  // Exactly once, everywhere: the client page, a colleague, and Priya's own view from the server.
  for (const page of [client, colleague]) {
    await expect(messages(page).filter({ hasText: 'First reply written offline' })).toHaveCount(1);
    await expect(messages(page).filter({ hasText: 'Second reply written offline' })).toHaveCount(1);
  }
  await staff.reload();
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(staff).filter({ hasText: 'written offline' })).toHaveCount(2);
  await expect(staff.getByTestId('offline-banner')).toHaveAttribute('data-offline', 'false');
});

test("a client's message written offline outlives a reload of the page and is delivered once when it is back online", async ({ browser, server }) => {
  const staff = await (await browser.newContext()).newPage();
  const clientContext = await browser.newContext();
  const network = await socketSwitch(clientContext);
  const client = await clientContext.newPage();

  await signIn(staff, server.url, 'priya@lumen.example');
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(staff).first()).toBeVisible();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).first()).toBeVisible();

  // Only once the socket is on its WebSocket: a long-poll let through before would hang (network.ts).
  await network.upgraded();
  await network.block();
  await expect(client.getByTestId('offline-banner')).toHaveAttribute('data-offline', 'true');
  await client.getByRole('textbox', { name: 'Message' }).fill('Running ten minutes late, sorry!');
  await client.getByRole('button', { name: 'Send' }).click();
  const waiting = messageList(client).locator('[data-testid="message"][data-status="waiting"]');
  await expect(waiting).toContainText('Running ten minutes late, sorry!');
  await expect(waiting).toContainText('Pending — will send automatically');

  // Reloaded while still offline: nothing to show yet, but the message is kept on the phone.
  await client.reload();
  await expect(client.getByRole('heading', { name: 'Offline — reconnecting…' })).toBeVisible();
  expect(await messages(staff).filter({ hasText: 'Running ten minutes late' }).count()).toBe(0);

  await network.restore();
  await expect(messages(staff).filter({ hasText: 'Running ten minutes late, sorry!' })).toHaveCount(1, RECONNECTED);
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).filter({ hasText: 'Running ten minutes late, sorry!' })).toHaveCount(1);
  await expect(waiting).toHaveCount(0);
  // Sent and out of the outbox: another reload sends nothing again.
  await client.reload();
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).filter({ hasText: 'Running ten minutes late, sorry!' })).toHaveCount(1);
  await staff.reload();
  await staff.getByRole('button', { name: /Ava Thompson/ }).click();
  await expect(messages(staff).filter({ hasText: 'Running ten minutes late, sorry!' })).toHaveCount(1);
});

test('a manager edits groups offline: the untouched one applies on reconnect, the clash is resolved by choice', async ({ browser, server }) => {
  const offlineContext = await browser.newContext();
  const network = await socketSwitch(offlineContext);
  const olivia = await offlineContext.newPage();
  const marcus = await (await browser.newContext()).newPage();

  // A second manager: Marcus joins the Managers group and signs in.
  await signIn(olivia, server.url, 'olivia@lumen.example');
  await openSettings(olivia, 'Team');
  await olivia.getByRole('button', { name: 'Edit Marcus Reid' }).click();
  await olivia.getByRole('combobox', { name: 'Permission group' }).selectOption({ label: 'Managers' });
  await olivia.getByRole('button', { name: 'Save' }).click();
  await expect(olivia.getByTestId('team-member').filter({ hasText: 'Marcus Reid' })).toContainText('Managers');
  await signIn(marcus, server.url, 'marcus@lumen.example');
  await openSettings(marcus, 'Team');
  await expect(marcus.getByTestId('permission-group').filter({ hasText: 'Stylists' })).toBeVisible();

  // Olivia goes offline and edits two groups.
  // Only once the socket is on its WebSocket: a long-poll let through before would hang (network.ts).
  await network.upgraded();
  await network.block();
  await expect(olivia.getByTestId('offline-banner')).toContainText('Offline');
  await olivia.getByRole('button', { name: 'Edit Stylists' }).click();
  await olivia.getByRole('checkbox', { name: 'Reply to client chats' }).check();
  await olivia.getByRole('button', { name: 'Save' }).click();
  await expect(olivia.getByRole('status').filter({ hasText: 'Your changes to Stylists are kept on this computer' })).toBeVisible();
  await olivia.getByRole('button', { name: 'Edit Reception trainee' }).click();
  await olivia.getByRole('checkbox', { name: 'Access client chats' }).check();
  await olivia.getByRole('button', { name: 'Save' }).click();
  const queued = olivia.getByTestId('offline-edit');
  await expect(queued).toHaveCount(2);
  await expect(queued.first()).toHaveAttribute('data-state', 'queued');

  // Meanwhile Marcus, online, changes Stylists too.
  await marcus.getByRole('button', { name: 'Edit Stylists' }).click();
  await marcus.getByRole('checkbox', { name: 'Manage Client Connect settings' }).check();
  await marcus.getByRole('button', { name: 'Save' }).click();
  await expect(marcus.getByRole('status').filter({ hasText: 'Permission group Stylists saved.' })).toBeVisible();

  // Back online: trainees apply without asking; Stylists shows both versions.
  await network.restore();
  const conflict = olivia.getByTestId('offline-edit').filter({ has: olivia.getByTestId('save-conflict') });
  await expect(conflict).toHaveAttribute('data-state', 'conflict', RECONNECTED);
  await expect(olivia.getByTestId('offline-edit')).toHaveCount(1);
  const rows = conflict.getByRole('row');
  await expect(rows.filter({ hasText: 'Reply to client chats' })).toContainText(/Not granted\s*Granted/);
  await expect(rows.filter({ hasText: 'Manage Client Connect settings' })).toContainText(/Granted\s*Granted/);
  await expect(olivia.getByTestId('permission-group').filter({ hasText: 'Reception trainee' })).toContainText('Access client chats');
  await expectAccessible(olivia, 'offline group edit conflict');

  await conflict.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(olivia.getByTestId('offline-edit')).toHaveCount(0);
  const stylists = olivia.getByTestId('permission-group').filter({ hasText: 'Stylists' });
  await expect(stylists).toContainText('Reply to client chats');
  await expect(stylists).toContainText('Manage Client Connect settings');

  // Marcus sees the merged group from the server.
  await marcus.reload();
  await openSettings(marcus, 'Team');
  const seenByMarcus = marcus.getByTestId('permission-group').filter({ hasText: 'Stylists' });
  await expect(seenByMarcus).toContainText('Reply to client chats');
  await expect(seenByMarcus).toContainText('Manage Client Connect settings');
});

test('a manager who never opened Team before the connection dropped still edits a group offline', async ({ browser, server }) => {
  const context = await browser.newContext();
  const network = await socketSwitch(context);
  const olivia = await context.newPage();
  await signIn(olivia, server.url, 'olivia@lumen.example');
  // Team is cached on connect, not only when the page was visited.
  await expect.poll(() => olivia.evaluate(() => Object.keys(localStorage).some((key) => key.endsWith(':team')))).toBe(true);

  // Only once the socket is on its WebSocket: a long-poll let through before would hang (network.ts).
  await network.upgraded();
  await network.block();
  await expect(olivia.getByTestId('offline-banner')).toContainText('Offline');
  await openSettings(olivia, 'Team');
  await olivia.getByRole('button', { name: 'Edit Reception trainee' }).click();
  await olivia.getByRole('checkbox', { name: 'Access client chats' }).check();
  await olivia.getByRole('button', { name: 'Save' }).click();
  await expect(olivia.getByTestId('offline-edit')).toHaveAttribute('data-state', 'queued');

  await network.restore();
  await expect(olivia.getByTestId('offline-edit')).toHaveCount(0, RECONNECTED);
  await olivia.reload();
  await openSettings(olivia, 'Team');
  await expect(olivia.getByTestId('permission-group').filter({ hasText: 'Reception trainee' })).toContainText('Access client chats');
});

test('two windows of the same member share the outbox: a reply written offline is sent and shown once', async ({ browser, server }) => {
  const context = await browser.newContext();
  const network = await socketSwitch(context);
  const [first, second] = [await context.newPage(), await context.newPage()];
  const client = await (await browser.newContext()).newPage();
  await client.goto(await server.clientPageUrl(AVA));
  await client.getByRole('button', { name: 'Message Lumen Soho' }).click();
  await expect(messages(client).first()).toBeVisible();
  for (const page of [first, second]) {
    await signIn(page, server.url, 'priya@lumen.example');
    await page.getByRole('button', { name: /Ava Thompson/ }).click();
    await expect(messages(page).first()).toBeVisible();
  }

  // Only once the socket is on its WebSocket: a long-poll let through before would hang (network.ts).
  await network.upgraded();
  await network.block();
  await expect(first.getByTestId('offline-banner')).toHaveAttribute('data-offline', 'true');
  await first.getByRole('textbox', { name: 'Reply' }).fill('Written in one window, offline');
  await first.getByRole('button', { name: 'Send', exact: true }).click();
  // The other window sees it waiting too (same member, same outbox).
  for (const page of [first, second]) {
    await expect(messageList(page).locator('[data-status="waiting"]').filter({ hasText: 'Written in one window' })).toHaveCount(1);
  }

  await network.restore();
  for (const page of [first, second, client]) {
    const stored = messageList(page).locator('[data-testid="message"][data-message-id]').filter({ hasText: 'Written in one window, offline' });
    // Each window has its own connection, retrying on its own schedule.
    await expect(stored).toHaveCount(1, RECONNECTED);
    await expect(messages(page).filter({ hasText: 'Written in one window, offline' })).toHaveCount(1);
  }
});

test('a settings change made offline meets a newer one on reconnect: both shown, the manager keeps their own change on top', async ({ browser, server }) => {
  const offlineContext = await browser.newContext();
  const network = await socketSwitch(offlineContext);
  const olivia = await offlineContext.newPage();
  const other = await (await browser.newContext()).newPage();
  await signIn(olivia, server.url, 'olivia@lumen.example');
  await openSettings(olivia, 'Messages');
  await signIn(other, server.url, 'olivia@lumen.example');
  await openSettings(other, 'Messages');

  // Only once the socket is on its WebSocket: a long-poll let through before would hang (network.ts).
  await network.upgraded();
  await network.block();
  await expect(olivia.getByTestId('offline-banner')).toHaveAttribute('data-offline', 'true');
  await olivia.getByRole('button', { name: 'Edit' }).click();
  await olivia.getByRole('checkbox', { name: 'Allow read receipts', exact: true }).uncheck();
  await olivia.getByRole('button', { name: 'Save' }).click();
  const pendingEdit = olivia.getByTestId('offline-settings-edit');
  await expect(pendingEdit).toHaveAttribute('data-state', 'queued');
  await expect(pendingEdit).toContainText("You're offline. Your change is kept on this computer");

  // Meanwhile, in another window that is online, the typing indicator is turned off.
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByRole('checkbox', { name: 'Allow typing indicator', exact: true }).uncheck();
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('checkbox', { name: 'Allow typing indicator', exact: true })).not.toBeChecked();

  await network.restore();
  await expect(pendingEdit).toHaveAttribute('data-state', 'conflict', RECONNECTED);
  const conflict = pendingEdit.getByTestId('save-conflict');
  await expect(conflict.getByRole('row').filter({ hasText: 'Allow read receipts' })).toContainText(/On\s*Off/);
  await expect(conflict.getByRole('row').filter({ hasText: 'Allow typing indicator' })).toContainText(/Off\s*Off/);
  await conflict.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(pendingEdit).toHaveCount(0);

  // Both changes hold, in both windows (the save is pushed to every open app).
  for (const page of [olivia, other]) {
    await expect(page.getByRole('checkbox', { name: 'Allow read receipts', exact: true })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Allow typing indicator', exact: true })).not.toBeChecked();
  }
});
