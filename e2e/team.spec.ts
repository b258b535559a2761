// Permission groups (R7, R8): a manager adds a read-only group and moves a member into it; the
// member's open session keeps its old rights until they sign in again.
import { expect, expectAccessible, test } from './fixtures';
import { messages, openSettings, signIn, signOut } from './staff';

const NO_ACCESS = "You don't have access to client messages.";

test('a new group with Access but not Reply: after signing in again the member reads but cannot reply', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();

  await signIn(member, server.url, 'tom@lumen.example');
  await expect(member.getByRole('main')).toContainText(NO_ACCESS);

  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');
  await expect(manager.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expectAccessible(manager, 'team');

  await manager.getByRole('button', { name: 'Add permission group' }).click();
  await manager.getByRole('textbox', { name: 'Group name' }).fill('Junior stylists');
  const reply = manager.getByRole('checkbox', { name: 'Reply to client chats' });
  await expect(reply).toBeDisabled();
  await manager.getByRole('checkbox', { name: 'Access client chats' }).check();
  await expect(reply).toBeEnabled();
  await expect(reply).not.toBeChecked();
  await expectAccessible(manager, 'group editor');
  await manager.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByTestId('permission-group').filter({ hasText: 'Junior stylists' })).toContainText('Access client chats');

  await manager.getByRole('button', { name: 'Edit Tom Hughes' }).click();
  await manager.getByRole('combobox', { name: 'Permission group' }).selectOption({ label: 'Junior stylists' });
  await manager.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Tom Hughes saved' })).toBeVisible();
  await expect(manager.getByTestId('team-member').filter({ hasText: 'Tom Hughes' })).toContainText('Junior stylists');

  // R8: the session Tom already has keeps the rights it signed in with, even across a reload.
  await member.reload();
  await expect(member.getByRole('main')).toContainText(NO_ACCESS);

  // Signing in again applies the new group: Shoreditch's chats, read only.
  await signOut(member);
  await signIn(member, server.url, 'tom@lumen.example');
  await member.getByRole('button', { name: /Mia Patel/ }).click();
  await expect(messages(member).first()).toBeVisible();
  await expect(member.getByText('You can read but not reply to client chats.')).toBeVisible();
  await expect(member.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);

  // Every change is in the audit log, for owners.
  await openSettings(manager, 'Audit log');
  const entries = manager.getByTestId('audit-entry');
  await expect(entries.first()).toContainText('Tom Hughes');
  await expect(entries.nth(1)).toContainText('Junior stylists');
  await expectAccessible(manager, 'audit log');
});

test('a manager signs a member out of every device so a change applies now', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();
  await signIn(member, server.url, 'sofia@lumen.example');
  await expect(member.getByRole('button', { name: /Ava Thompson/ })).toBeVisible();

  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');
  await manager.getByRole('button', { name: 'Edit Sofia Marin' }).click();
  await manager.getByRole('button', { name: 'Sign out of all devices' }).click();
  await manager.getByRole('dialog', { name: /Sign Sofia Marin out of all devices/ }).getByRole('button', { name: 'End all sessions' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Sofia Marin was signed out of 1 session' })).toBeVisible();

  await expect(member.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(member.getByText('A manager signed you out of all devices')).toBeVisible();
});

test("another manager's change shows on an open Team page without a reload, and an open editor keeps its draft", async ({ browser, server }) => {
  const front = await (await browser.newContext()).newPage();
  const office = await (await browser.newContext()).newPage();
  for (const page of [front, office]) {
    await signIn(page, server.url, 'olivia@lumen.example');
    await openSettings(page, 'Team');
    await expect(page.getByTestId('team-member').filter({ hasText: 'Tom Hughes' })).toContainText('Reception trainee');
  }
  // The office computer starts editing Sofia; the front desk computer changes the team meanwhile.
  await office.getByRole('button', { name: 'Edit Sofia Marin' }).click();
  const sofiasGroup = office.getByRole('combobox', { name: 'Permission group' });
  await sofiasGroup.selectOption({ label: 'Front desk' });

  await front.getByRole('button', { name: 'Add permission group' }).click();
  await front.getByRole('textbox', { name: 'Group name' }).fill('Colourists');
  await front.getByRole('checkbox', { name: 'Access client chats' }).check();
  await front.getByRole('button', { name: 'Save' }).click();
  await front.getByRole('button', { name: 'Edit Tom Hughes' }).click();
  await front.getByRole('combobox', { name: 'Permission group' }).selectOption({ label: 'Colourists' });
  await front.getByRole('button', { name: 'Save' }).click();
  await expect(front.getByRole('status').filter({ hasText: 'Tom Hughes saved' })).toBeVisible();

  // The open editor offers the new group and still holds the office's unsaved choice.
  await expect(sofiasGroup.getByRole('option', { name: 'Colourists' })).toHaveCount(1);
  await expect(sofiasGroup.locator('option:checked')).toHaveText('Front desk');
  // Leaving it without saving (nothing is fetched again), the overview already shows the changes.
  await office.getByRole('button', { name: 'Cancel' }).click();
  await expect(office.getByTestId('permission-group').filter({ hasText: 'Colourists' })).toContainText('Access client chats');
  await expect(office.getByTestId('team-member').filter({ hasText: 'Tom Hughes' })).toContainText('Colourists');
  await expect(office.getByTestId('team-member').filter({ hasText: 'Sofia Marin' })).toContainText('Stylists');
});

test('a manager adds a team member, who signs in with the password given and sees their location', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');
  await manager.getByRole('button', { name: 'Add team member' }).click();
  const form = manager.getByRole('region', { name: 'Add a team member' });
  await expectAccessible(manager, 'new team member form');

  // One save shows every problem at once, each beside its field.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('5 fields need fixing. Each says what is wrong beside it.');
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Give their name.');
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address.');
  await expect(form.getByLabel('First password')).toHaveAccessibleDescription('Use at least 10 characters.');
  await expect(form).toContainText('Choose a permission group.');
  await expect(form).toContainText('Choose at least one location the team member works at.');
  await expectAccessible(manager, 'new team member form with every problem shown');
  await form.getByLabel('Name').fill('Lena Novak');
  await form.getByLabel('Email').fill('lena@lumen.example');
  await form.getByLabel('First password').fill('too-short');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('3 fields need fixing. Each says what is wrong beside it.');
  await expect(form.getByLabel('Name')).not.toHaveAttribute('aria-invalid');
  await expect(form.getByLabel('First password')).toHaveAccessibleDescription('Use at least 10 characters.');
  await form.getByLabel('First password').fill('lena-first-password');
  await form.getByRole('combobox', { name: 'Permission group' }).selectOption({ label: 'Front desk' });
  await form.getByRole('checkbox', { name: 'Lumen Soho' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Lena Novak added.' })).toBeVisible();
  await expect(manager.getByTestId('team-member').filter({ hasText: 'Lena Novak' })).toContainText('Front desk');

  const lena = await (await browser.newContext()).newPage();
  await lena.goto(server.url);
  await lena.getByLabel('Email').fill('lena@lumen.example');
  await lena.getByLabel('Password').fill('lena-first-password');
  await lena.getByRole('button', { name: 'Sign in' }).click();
  await expect(lena.getByRole('button', { name: /Ava Thompson/ })).toBeVisible();
  await expect(lena.getByRole('button', { name: /Mia Patel/ })).toHaveCount(0);
});

test('a manager sets a forgotten password: the member is signed out and signs in with the new one', async ({ browser, server }) => {
  const manager = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();
  await signIn(member, server.url, 'sofia@lumen.example');
  await signIn(manager, server.url, 'olivia@lumen.example');
  await openSettings(manager, 'Team');
  await manager.getByRole('button', { name: 'Edit Sofia Marin' }).click();
  const card = manager.getByRole('region', { name: 'Forgotten password' });
  await card.getByLabel('New password for them').fill('short');
  await card.getByRole('button', { name: 'Set password' }).click();
  await expect(card.getByRole('alert')).toHaveText('Use at least 10 characters.');
  await card.getByLabel('New password for them').fill('sofia-fresh-password');
  await card.getByRole('button', { name: 'Set password' }).click();
  await expect(card.getByRole('status')).toContainText("Sofia Marin's new password is set: give it to them. They were signed out of 1 session.");
  await expectAccessible(manager, 'member editor with the password card');

  await expect(member.getByText('Your password was changed, on another computer or by a manager.')).toBeVisible();
  await member.getByLabel('Email').fill('sofia@lumen.example');
  await member.getByLabel('Password').fill('sofia-fresh-password');
  await member.getByRole('button', { name: 'Sign in' }).click();
  await expect(member.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a manager with only "Manage team" is offered only what they may do', async ({ browser, server }) => {
  // The owner adds a group that can only manage the team, and Hana in it, at Soho.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, server.url, 'olivia@lumen.example');
  await openSettings(owner, 'Team');
  await owner.getByRole('button', { name: 'Add permission group' }).click();
  await owner.getByRole('textbox', { name: 'Group name' }).fill('Team admins');
  await owner.getByRole('checkbox', { name: 'Manage team' }).check();
  await owner.getByRole('button', { name: 'Save' }).click();
  await owner.getByRole('button', { name: 'Add team member' }).click();
  const newMember = owner.getByRole('region', { name: 'Add a team member' });
  await newMember.getByLabel('Name').fill('Hana Admin');
  await newMember.getByLabel('Email').fill('hana@lumen.example');
  await newMember.getByLabel('First password').fill('hana-first-password');
  await newMember.getByRole('combobox', { name: 'Permission group' }).selectOption({ label: 'Team admins' });
  await newMember.getByRole('checkbox', { name: 'Lumen Soho' }).check();
  await newMember.getByRole('button', { name: 'Save' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Hana Admin added.' })).toBeVisible();

  const hana = await (await browser.newContext()).newPage();
  await hana.goto(server.url);
  await hana.getByLabel('Email').fill('hana@lumen.example');
  await hana.getByLabel('Password').fill('hana-first-password');
  await hana.getByRole('button', { name: 'Sign in' }).click();
  await openSettings(hana, 'Team');

  // Members who work elsewhere or hold permissions she lacks are not offered for editing.
  for (const name of ['Tom Hughes', 'Marcus Reid', 'Sofia Marin', 'Priya Shah']) {
    const row = hana.getByTestId('team-member').filter({ hasText: name });
    await expect(row.getByTestId('member-locked')).toContainText("You can't change this account");
    await expect(row.getByRole('button', { name: `Edit ${name}` })).toHaveCount(0);
  }
  await expect(hana.getByTestId('team-member').filter({ hasText: 'Tom Hughes' }).getByTestId('member-locked')).toHaveAttribute('title', /Tom Hughes works at Lumen Shoreditch/);
  await expectAccessible(hana, 'team page of a limited manager');

  // Her own group and locations are locked; her password and sessions are hers to manage.
  await hana.getByRole('button', { name: 'Edit Hana Admin' }).click();
  await expect(hana.getByTestId('membership-locked')).toHaveText('You cannot change your own permission group or locations. Ask a workspace owner.');
  await expect(hana.getByRole('combobox', { name: 'Permission group' })).toBeDisabled();
  await expect(hana.getByRole('checkbox', { name: /Lumen Shoreditch/ })).toBeDisabled();
  await expect(hana.getByRole('region', { name: 'Forgotten password' })).toBeVisible();
  await hana.getByRole('button', { name: 'Cancel' }).click();

  // A new group can grant only what she has.
  await hana.getByRole('button', { name: 'Add permission group' }).click();
  for (const permission of ['Access client chats', 'Reply to client chats', 'Manage Client Connect settings']) {
    await expect(hana.getByRole('checkbox', { name: permission })).toBeDisabled();
  }
  await expect(hana.getByRole('checkbox', { name: 'Manage team' })).toBeEnabled();
  await expect(hana.getByTestId('group-locks')).toHaveText('You can only give or take away permissions you have yourself.');
  await hana.getByRole('button', { name: 'Cancel' }).click();

  // Her own group's permissions are locked too.
  await hana.getByRole('button', { name: 'Edit Team admins' }).click();
  await expect(hana.getByTestId('group-locks')).toHaveText('You cannot change the permissions of your own group. Ask a workspace owner.');
  await expect(hana.getByRole('checkbox', { name: 'Manage team' })).toBeDisabled();
  await hana.getByRole('button', { name: 'Cancel' }).click();

  // A new member: only groups within her permissions, only her locations.
  await hana.getByRole('button', { name: 'Add team member' }).click();
  const form = hana.getByRole('region', { name: 'Add a team member' });
  const groups = form.getByRole('combobox', { name: 'Permission group' });
  await expect(groups.getByRole('option', { name: 'Front desk (grants more than you have)' })).toBeDisabled();
  await expect(groups.getByRole('option', { name: 'Team admins', exact: true })).toBeEnabled();
  await expect(form.getByRole('checkbox', { name: 'Lumen Shoreditch (you do not work here)' })).toBeDisabled();
  await expect(form.getByRole('checkbox', { name: 'Lumen Soho' })).toBeEnabled();
  await expectAccessible(hana, 'new member form of a limited manager');
});
