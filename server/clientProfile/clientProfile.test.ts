// The client profile (R11): staff with Access see a client's contact details and email/text
// preferences, staff with Reply change them; invalid details get field-level errors and save
// nothing; a change is audited with who made it and reaches colleagues and the client live.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../shared/clientProfile';
import { ask, askClient, data, flush, nextPush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';
import { checkMobile } from './contactValidation';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const avaConversation = () => t.demo.conversations.ava!;

async function edit(socket: Awaited<ReturnType<TestServer['connectStaff']>>, change: Partial<Record<string, unknown>>, baseVersion?: number) {
  const current = data(await ask(socket, 'clientProfile:get', { conversationId: avaConversation() }));
  return ask(socket, 'clientProfile:update', {
    conversationId: avaConversation(),
    baseVersion: baseVersion ?? current.version,
    profile: {
      name: current.name,
      mobile: current.mobile ?? '',
      email: current.email ?? '',
      emailNotifications: current.notifications.email,
      smsNotifications: current.notifications.sms,
      ...change,
    },
  });
}

describe('client profile', () => {
  it('shows the client\'s details with in-app always on', async () => {
    const sofia = await t.connectStaff('sofia');
    expect(data(await ask(sofia, 'clientProfile:get', { conversationId: avaConversation() }))).toEqual({
      clientId: t.demo.clients.ava,
      name: 'Ava Thompson',
      mobile: '+447400900101',
      email: 'ava@example.com',
      notifications: { inApp: true, email: false, sms: false },
      country: 'GB',
      version: 1,
      updated: null,
    });
  });

  it('saves a change in E.164, records who made it, and tells colleagues live', async () => {
    const priya = await t.connectStaff('priya');
    const marcus = await t.connectStaff('marcus');
    const pushed = nextPush<ClientProfile>(marcus, 'clientProfile:updated');
    const saved = data(await edit(priya, { mobile: '07400 123456', email: ' ava.t@example.com ', emailNotifications: true, smsNotifications: true }));
    expect(saved).toMatchObject({
      mobile: '+447400123456',
      email: 'ava.t@example.com',
      notifications: { inApp: true, email: true, sms: true },
      version: 2,
      updated: { at: t.clock.now(), by: { id: t.demo.members.priya, name: 'Priya Shah' } },
    });
    expect(await pushed).toEqual(saved);

    const owner = await t.connectStaff('owner');
    const [entry] = data(await ask(owner, 'audit:list', {})).items;
    expect(entry).toMatchObject({
      action: 'client.update',
      actor: { id: t.demo.members.priya, name: 'Priya Shah' },
      subject: 'Client Ava Thompson',
      before: { mobile: '+447400900101', email: 'ava@example.com', emailNotifications: false, smsNotifications: false },
      after: { mobile: '+447400123456', email: 'ava.t@example.com', emailNotifications: true, smsNotifications: true },
    });
  });

  it('needs Reply to change contact details or channels: a read-only member is refused, nothing changes, nobody is told', async () => {
    const sofia = await t.connectStaff('sofia');
    const ava = await t.connectClient(t.demo.clients.ava);
    const clientSeen = recordPushes(ava, 'notifications:updated');
    const before = t.fingerprint();
    expect(await edit(sofia, { email: 'attacker@example.com', emailNotifications: true })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You do not have the Reply to client chats permission. Ask a workspace owner to update your permissions.' },
    });
    expect(t.fingerprint()).toEqual(before);
    expect(t.repos.clientProfiles.find(t.demo.clients.ava)).toMatchObject({ email: 'ava@example.com', notifications: { email: false } });
    await flush(ava, 'client');
    expect(clientSeen).toEqual([]);
  });

  it("shows a new address on the client's own page at once (and on its next load), and in the audit log", async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    const priya = await t.connectStaff('priya');
    const onClientPage = nextPush(ava, 'notifications:updated');
    data(await edit(priya, { email: 'ava.new@example.com', emailNotifications: true }));
    expect(await onClientPage).toMatchObject({ emailAddress: 'ava.new@example.com', email: true, version: 2 });
    const reloaded = await t.connectClient(t.demo.clients.ava);
    expect(data(await askClient(reloaded, 'notifications:get', {}))).toMatchObject({ emailAddress: 'ava.new@example.com', email: true });
    const owner = await t.connectStaff('owner');
    expect(data(await ask(owner, 'audit:list', { limit: 1 })).items[0]).toMatchObject({
      action: 'client.update', actor: { name: 'Priya Shah' },
      before: { email: 'ava@example.com', emailNotifications: false }, after: { email: 'ava.new@example.com', emailNotifications: true },
    });
  });

  it('refuses invalid numbers and addresses field by field, saving nothing', async () => {
    const priya = await t.connectStaff('priya');
    const before = t.fingerprint();
    const cases: [Record<string, unknown>, { path: string; message: string }[]][] = [
      [{ mobile: '12345' }, [{ path: 'mobile', message: 'Enter a valid mobile number for United Kingdom, or start with + and the country code.' }]],
      [{ mobile: '020 7946 0018' }, [{ path: 'mobile', message: 'This is not a mobile number. Text messages need a mobile number.' }]],
      [{ email: 'ava@' }, [{ path: 'email', message: 'Enter a valid email address, like name@example.com.' }]],
      [{ email: '', emailNotifications: true }, [{ path: 'emailNotifications', message: 'Add a valid email address before switching on email.' }]],
      [{ mobile: '', smsNotifications: true }, [{ path: 'smsNotifications', message: 'Add a valid mobile number before switching on text messages.' }]],
      [
        { mobile: 'call me', email: 'nope', smsNotifications: true, emailNotifications: true },
        [
          { path: 'mobile', message: expect.stringContaining('valid mobile number') as unknown as string },
          { path: 'email', message: expect.stringContaining('valid email') as unknown as string },
        ],
      ],
    ];
    for (const [change, details] of cases) {
      expect(await edit(priya, change)).toEqual({ ok: false, error: { code: 'bad_request', message: 'Check the highlighted fields. Nothing was saved.', details } });
    }
    expect(await edit(priya, { name: '   ' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('refuses a stale edit, and other locations\' staff and those without Access', async () => {
    const priya = await t.connectStaff('priya');
    data(await edit(priya, { name: 'Ava T.' }));
    t.addMember({ name: 'Sam Desk', email: 'sam@lumen.example', groupId: t.demo.groups.frontDesk, locationIds: [t.demo.locations.shoreditch] });
    const shoreditch = await t.connectStaff({ email: 'sam@lumen.example' });
    const tom = await t.connectStaff('tom');
    const before = t.fingerprint();
    expect(await edit(priya, { name: 'Ava Thompson' }, 1)).toMatchObject({ ok: false, error: { code: 'conflict', details: { name: 'Ava T.', version: 2 } } });
    const seen = recordPushes(shoreditch, 'clientProfile:updated');
    expect(await ask(shoreditch, 'clientProfile:get', { conversationId: avaConversation() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(tom, 'clientProfile:get', { conversationId: avaConversation() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.fingerprint()).toEqual(before);
    data(await edit(priya, { name: 'Ava Thompson' }));
    await flush(shoreditch);
    expect(seen).toEqual([]);
  });

  it('reads numbers in the workspace\'s country, or any country with +', () => {
    expect(checkMobile('07400 900101', 'GB')).toEqual({ ok: true, value: '+447400900101' });
    expect(checkMobile('+33 6 12 34 56 78', 'GB')).toEqual({ ok: true, value: '+33612345678' });
    expect(checkMobile('06 12 34 56 78', 'FR')).toEqual({ ok: true, value: '+33612345678' });
    expect(checkMobile('07400 900101', '')).toMatchObject({ ok: false, error: { message: 'Enter a valid mobile number starting with + and the country code.' } });
    expect(checkMobile('', 'GB')).toEqual({ ok: true, value: null });
  });
});

describe('the client\'s own notification preferences (client API)', () => {
  it('lets the client switch email and text with an address on file, telling the desk and their other devices', async () => {
    const ava = await t.connectClient(t.demo.clients.ava);
    const phone = await t.connectClient(t.demo.clients.ava);
    const priya = await t.connectStaff('priya');
    expect(data(await askClient(ava, 'notifications:get', {}))).toEqual({
      inApp: true, email: false, sms: false, emailAddress: 'ava@example.com', mobile: '+447400900101', version: 1,
    });
    const onPhone = nextPush(phone, 'notifications:updated');
    const atDesk = nextPush<ClientProfile>(priya, 'clientProfile:updated');
    const saved = data(await askClient(ava, 'notifications:update', { email: true, sms: true }));
    expect(saved).toMatchObject({ email: true, sms: true, version: 2 });
    expect(await onPhone).toEqual(saved);
    expect(await atDesk).toMatchObject({ notifications: { email: true, sms: true }, updated: { by: { kind: 'client' } } });
  });

  it('refuses a channel without a valid address on file, changing nothing', async () => {
    t.db.prepare("UPDATE clients SET email = NULL, mobile = 'not a number' WHERE id = ?").run(t.demo.clients.ava);
    const ava = await t.connectClient(t.demo.clients.ava);
    const before = t.fingerprint();
    expect(await askClient(ava, 'notifications:update', { email: true, sms: false })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', details: [{ path: 'email', message: 'We have no valid email address for you. Ask the salon to add one.' }] },
    });
    expect(await askClient(ava, 'notifications:update', { email: false, sms: true })).toMatchObject({
      ok: false, error: { code: 'bad_request', details: [{ path: 'sms' }] },
    });
    expect(await askClient(ava, 'notifications:update', { email: 'yes' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(t.fingerprint()).toEqual(before);
  });
});
