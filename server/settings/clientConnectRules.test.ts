// The rules the settings switch (R2, R4, R5, R6), each changed through settings:update while
// staff and client connections are already open.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceSettings } from '../../shared/domain';
import { sampleFiles } from '../testing/sampleFiles';
import { ask, askClient, data, flush, recordPushes, startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
let owner: Socket;
let priya: Socket;
let marcus: Socket;
let ava: Socket;
let conversationId: number;
let appointmentId: number;

// A fresh server for each test: settings switched and messages sent must not reach another test.
beforeEach(async () => {
  t = await startTestServer();
  [owner, priya, marcus] = await Promise.all([t.connectStaff('owner'), t.connectStaff('priya'), t.connectStaff('marcus')]);
  ava = await t.connectClient(t.demo.clients.ava);
  conversationId = t.demo.conversations.ava!;
  appointmentId = t.demo.appointments.ava[0]!;
});
afterEach(() => t.close());

async function save(changes: Partial<WorkspaceSettings>) {
  const current = data(await ask(owner, 'settings:get', {}));
  data(await ask(owner, 'settings:update', { settings: { ...current.settings, ...changes }, baseVersion: current.version }));
}
const clientSend = (socket: Socket, appointment: number, text = 'Hello') =>
  askClient(socket, 'message:send', { appointmentId: appointment, senderMessageId: randomUUID(), text });
const outcome = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('R2: Client Connect off', () => {
  it('refuses every chat request in both directions, stores nothing, and brings the history back on re-enable', async () => {
    const pdf = (await (await t.upload(t.issueClientToken(t.demo.clients.ava), sampleFiles.pdf, 'before.pdf')).json()) as { id: number };
    data(await askClient(ava, 'message:send', { appointmentId, senderMessageId: randomUUID(), text: '', attachmentIds: [pdf.id] }));
    const history = data(await ask(owner, 'message:list', { conversationId, limit: 100 })).items;
    const { id: messageId } = history[history.length - 1]!;
    await save({ enabled: false });
    const { token } = await t.signIn('priya');
    const grace = await t.connectClient(t.demo.clients.grace);
    const before = t.fingerprint();

    const staff = {
      'conversation:list': await ask(priya, 'conversation:list', {}),
      'conversation:get': await ask(priya, 'conversation:get', { conversationId }),
      'message:list': await ask(priya, 'message:list', { conversationId }),
      'message:send': await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'Hello?' }),
      'conversation:read': await ask(priya, 'conversation:read', { conversationId, upToMessageId: messageId }),
      'typing:update': await ask(priya, 'typing:update', { conversationId, typing: true }),
      'delivery:list': await ask(priya, 'delivery:list', { conversationId }),
    };
    const client = {
      'message:send (existing conversation)': await clientSend(ava, appointmentId),
      'message:send (new conversation)': await clientSend(grace, t.demo.appointments.grace[0]!),
      'message:list': await askClient(ava, 'message:list', { conversationId }),
      'conversation:read': await askClient(ava, 'conversation:read', { conversationId, upToMessageId: messageId }),
      'typing:update': await askClient(ava, 'typing:update', { conversationId, typing: true }),
    };
    const http = { upload: (await t.upload(token, sampleFiles.png, 'a.png')).status, download: (await t.download(token, pdf.id)).status };

    for (const [event, result] of Object.entries({ ...staff, ...client })) expect(outcome(result), event).toBe('messaging_disabled');
    expect(staff['message:send']).toMatchObject({ error: { message: expect.stringContaining('turned off') } });
    expect(http).toEqual({ upload: 409, download: 409 });
    // What still answers: who you are, and the client's appointments (none offering messaging).
    expect(data(await ask(priya, 'session:get', {})).workspace.settings.enabled).toBe(false);
    const avaView = data(await askClient(ava, 'client:get', {}));
    expect(avaView.messagingEnabled).toBe(false);
    expect(avaView.appointments.map((appointment) => appointment.canMessage)).toEqual([false]);
    expect(t.fingerprint()).toEqual(before);

    await save({ enabled: true });
    expect(data(await ask(priya, 'message:list', { conversationId, limit: 100 })).items).toEqual(history);
    expect(data(await askClient(ava, 'message:list', { conversationId, limit: 100 })).items.map((message) => message.id)).toEqual(history.map((message) => message.id));
    expect((await t.download(token, pdf.id)).status).toBe(200);
    expect(outcome(await clientSend(ava, appointmentId))).toBe('ok');
  });

  it('still answers a retry of a message stored before messaging was turned off', async () => {
    const payload = { appointmentId, senderMessageId: randomUUID(), text: 'Just in time' };
    const stored = data(await askClient(ava, 'message:send', payload));
    await save({ enabled: false });
    expect(data(await askClient(ava, 'message:send', payload))).toEqual(stored);
  });
});

describe('R4: contact button', () => {
  it('stops offering messaging on appointments and starting conversations, but keeps existing ones open', async () => {
    const grace = await t.connectClient(t.demo.clients.grace);
    const graceAppointment = t.demo.appointments.grace[0]!;
    await save({ contactButton: false });
    const view = data(await askClient(grace, 'client:get', {}));
    expect(view).toMatchObject({ messagingEnabled: true, appointments: [{ id: graceAppointment, canMessage: false, conversationId: null }] });
    expect(await clientSend(grace, graceAppointment)).toMatchObject({ ok: false, error: { code: 'contact_not_offered' } });
    expect(outcome(await clientSend(ava, appointmentId))).toBe('ok');

    await save({ contactButton: true });
    expect(data(await askClient(grace, 'client:get', {})).appointments[0]?.canMessage).toBe(true);
    expect(outcome(await clientSend(grace, graceAppointment))).toBe('ok');
  });
});

describe('R5: read receipts', () => {
  it('when off, no read state of their messages reaches the client by any route', async () => {
    await save({ readReceipts: false });
    const receipts = recordPushes(ava, 'conversation:read');
    const payload = { appointmentId, senderMessageId: randomUUID(), text: 'Did you see this?' };
    const sent = data(await askClient(ava, 'message:send', payload));
    const staffSeesRead = recordPushes(marcus, 'conversation:read');
    const { readAt } = data(await ask(priya, 'conversation:read', { conversationId, upToMessageId: sent.id }));

    await Promise.all([flush(ava, 'client'), flush(marcus)]);
    expect(receipts).toEqual([]);
    // Staff still see their own read state.
    expect(staffSeesRead).toEqual([expect.objectContaining({ reader: 'business', upToMessageId: sent.id, readAt })]);
    const history = data(await askClient(ava, 'message:list', { conversationId, limit: 100 })).items;
    expect(history.filter((message) => message.author.kind === 'client').every((message) => message.readAt === null)).toBe(true);
    expect(data(await askClient(ava, 'message:send', payload)).readAt).toBeNull(); // a retry shows none either

    await save({ readReceipts: true });
    const shown = data(await askClient(ava, 'message:list', { conversationId, limit: 100 })).items;
    expect(shown.find((message) => message.id === sent.id)?.readAt).toBe(readAt);
    ava.off('conversation:read');
    marcus.off('conversation:read');
  });
});

describe('R6: typing indicator', () => {
  it('when off, no staff typing reaches the client while colleagues still see it', async () => {
    await save({ typingIndicator: false });
    const clientTyping = recordPushes(ava, 'typing:updated');
    const colleagueTyping = recordPushes(marcus, 'typing:updated');
    data(await ask(priya, 'typing:update', { conversationId, typing: true }));
    await Promise.all([flush(ava, 'client'), flush(marcus)]);
    expect(clientTyping).toEqual([]);
    expect(colleagueTyping).toEqual([{ conversationId, typing: true, name: 'Priya Shah' }]);

    await save({ typingIndicator: true });
    data(await ask(priya, 'typing:update', { conversationId, typing: false }));
    await flush(ava, 'client');
    expect(clientTyping).toEqual([{ conversationId, typing: false }]);
    ava.off('typing:updated');
    marcus.off('typing:updated');
  });
});
