// What staff see of a failed email or text, and sending one again (R11): failures in plain
// words (the technical detail only in the server log), channels the server cannot send never
// switched on, and Retry sending a failed delivery once through the outbox, however often it is
// pressed at once. Real server, real SMTP and text providers on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_UNAVAILABLE, type Delivery } from '../../shared/deliveries';
import type { Message } from '../../shared/domain';
import { ask, askClient, data, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

const WAIT = { timeout: 10_000, interval: 20 };

let t: TestServer;
afterEach(() => t.close());

const ava = () => t.demo.conversations.ava!;
const send = async (socket: Socket, text: string) =>
  data(await ask(socket, 'message:send', { conversationId: ava(), senderMessageId: randomUUID(), text })) as Message;
const deliveryOf = async (socket: Socket, messageId: number, channel: 'email' | 'sms') =>
  data(await ask(socket, 'delivery:list', { conversationId: ava() })).items.find(
    (delivery) => delivery.messageId === messageId && delivery.channel === channel,
  );
/** As a database from before the check, or a client who switched it on earlier, would hold it. */
const switchOnDirectly = (channel: 'email' | 'sms') =>
  t.db.prepare(`UPDATE clients SET ${channel}_notifications = 1 WHERE id = ?`).run(t.demo.clients.ava);

async function editAva(socket: Socket, change: { emailNotifications?: boolean; smsNotifications?: boolean; mobile?: string }) {
  const current = data(await ask(socket, 'clientProfile:get', { conversationId: ava() }));
  return ask(socket, 'clientProfile:update', {
    conversationId: ava(),
    baseVersion: current.version,
    profile: {
      name: current.name,
      mobile: change.mobile ?? current.mobile ?? '',
      email: current.email ?? '',
      emailNotifications: change.emailNotifications ?? current.notifications.email,
      smsNotifications: change.smsNotifications ?? current.notifications.sms,
    },
  });
}

describe('a channel the server cannot send', () => {
  it('tells staff in plain words why the delivery failed; the setting it lacks is in the server log only', async () => {
    t = await startTestServer({ email: null });
    const priya = await t.connectStaff('priya');
    switchOnDirectly('email');
    const message = await send(priya, 'Your colour is booked.');
    await t.server.deliveries.kick();
    await expect.poll(() => deliveryOf(priya, message.id, 'email').then((delivery) => delivery?.state), WAIT).toBe('failed');
    const failed = await deliveryOf(priya, message.id, 'email');
    expect(failed?.lastError).toBe("Email isn't set up for this salon yet — ask your manager.");
    expect(JSON.stringify(failed)).not.toContain('INBOX_');
    expect(t.log.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ reason: 'Email is not set up on this server (INBOX_SMTP_HOST).' }) }),
    );
  });

  it('is offered to staff as unavailable, and switching it on is refused with the reason, changing nothing', async () => {
    t = await startTestServer({ sms: null });
    const priya = await t.connectStaff('priya');
    expect(data(await ask(priya, 'delivery:channels', {}))).toEqual({ email: true, sms: false });
    const client = await t.connectClient(t.demo.clients.ava);
    const before = t.fingerprint();
    expect(await editAva(priya, { emailNotifications: true, smsNotifications: true, mobile: 'not a number' })).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'Check the highlighted fields. Nothing was saved.',
        // Every problem at once: the bad number and the channel this server cannot send.
        details: [
          { path: 'mobile', message: 'Enter a valid mobile number for United Kingdom, or start with + and the country code.' },
          { path: 'smsNotifications', message: CHANNEL_UNAVAILABLE.sms },
        ],
      },
    });
    expect(await askClient(client, 'notifications:update', { email: false, sms: true })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', details: [{ path: 'sms', message: expect.stringContaining("doesn't send text messages") as unknown as string }] },
    });
    expect(t.fingerprint()).toEqual(before);
    // A channel the server can send still switches on.
    expect((await editAva(priya, { emailNotifications: true })).ok).toBe(true);
  });

  it('already switched on does not stop other changes to the client from saving', async () => {
    t = await startTestServer({ sms: null });
    const priya = await t.connectStaff('priya');
    switchOnDirectly('sms');
    expect(await editAva(priya, { mobile: '07400 123456' })).toMatchObject({ ok: true, data: { mobile: '+447400123456' } });
  });
});

describe('Retry of a failed email or text', () => {
  it('sends it again once through the outbox, however many retries arrive at once', async () => {
    t = await startTestServer();
    const smtp = t.sinks.smtp!;
    const priya = await t.connectStaff('priya');
    const marcus = await t.connectStaff('marcus');
    expect((await editAva(priya, { emailNotifications: true })).ok).toBe(true);
    smtp.rejects.add('ava@example.com');
    const message = await send(priya, 'Please confirm Tuesday.');
    await expect.poll(() => deliveryOf(priya, message.id, 'email').then((delivery) => delivery?.state), WAIT).toBe('failed');
    expect((await deliveryOf(priya, message.id, 'email'))?.lastError).toBe(
      "The email service refused this address. Check the client's email address.",
    );
    expect(smtp.received).toEqual([]);

    // The mailbox works again; two clicks (and a colleague's) all in flight together.
    smtp.rejects.clear();
    const seen = recordPushes<Delivery>(marcus, 'delivery:updated');
    const retries = await Promise.all([
      ask(priya, 'delivery:retry', { messageId: message.id, channel: 'email' }),
      ask(priya, 'delivery:retry', { messageId: message.id, channel: 'email' }),
      ask(marcus, 'delivery:retry', { messageId: message.id, channel: 'email' }),
    ]);
    expect(retries.map((result) => result.ok)).toEqual([true, true, true]);
    await expect.poll(() => deliveryOf(priya, message.id, 'email').then((delivery) => delivery?.state), WAIT).toBe('sent');
    await t.server.deliveries.kick();
    expect(smtp.received).toHaveLength(1);
    await expect.poll(() => seen.map((delivery) => delivery.state), WAIT).toEqual(['pending', 'sending', 'sent']);
    // A retry of one that went answers its state and sends nothing.
    expect(await ask(priya, 'delivery:retry', { messageId: message.id, channel: 'email' })).toMatchObject({ ok: true, data: { state: 'sent' } });
    await t.server.deliveries.kick();
    expect(smtp.received).toHaveLength(1);
  });

  it('is refused, changing nothing, when the client has switched the channel off since or it does not exist', async () => {
    t = await startTestServer();
    const priya = await t.connectStaff('priya');
    expect((await editAva(priya, { emailNotifications: true })).ok).toBe(true);
    t.sinks.smtp!.rejects.add('ava@example.com');
    const message = await send(priya, 'Hello');
    await expect.poll(() => deliveryOf(priya, message.id, 'email').then((delivery) => delivery?.state), WAIT).toBe('failed');
    expect((await editAva(priya, { emailNotifications: false })).ok).toBe(true);

    const before = t.fingerprint();
    expect(await ask(priya, 'delivery:retry', { messageId: message.id, channel: 'email' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('no longer gets emails') as unknown as string },
    });
    expect(await ask(priya, 'delivery:retry', { messageId: message.id, channel: 'sms' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This delivery does not exist.' },
    });
    expect(t.fingerprint()).toEqual(before);
  });
});
