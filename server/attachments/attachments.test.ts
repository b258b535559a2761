// Attachments over HTTP: type from the bytes, size and count limits, who may upload, attaching
// uploads to messages (own and unsent only), and what a download carries.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, type Attachment, type ConversationSummary, type Message } from '../../shared/domain';
import { sampleFiles } from '../testing/sampleFiles';
import { defaultClientLimits } from '../limits/limitsConfig';
import { ask, askClient, data, nextPush, startTestServer, type TestServer } from '../testing/testServer';
import { UNSENT_UPLOAD_TTL_MS, UNSENT_UPLOADS_MAX } from './attachments.routes';

let t: TestServer;
let priyaToken: string;
let priya: Socket;
let marcus: Socket;
let avaToken: string;
let ava: Socket;
let conversationId: number;
let appointmentId: number;

// A fresh server for each test: what one test stores, uploads or changes must not reach another.
beforeEach(async () => {
  // One client link here uploads more than a minute's allowance (limits.test.ts covers that).
  t = await startTestServer({ clientLimits: { ...defaultClientLimits(), uploadsPerMinute: UNSENT_UPLOADS_MAX + 1 } });
  priyaToken = (await t.signIn('priya')).token;
  priya = await t.connectStaff('priya');
  marcus = await t.connectStaff('marcus');
  avaToken = t.issueClientToken(t.demo.clients.ava);
  ava = await t.connectClient(t.demo.clients.ava);
  conversationId = t.demo.conversations.ava!;
  appointmentId = t.demo.appointments.ava[0]!;
});
afterEach(() => t.close());

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
async function uploaded(token: string, bytes: Uint8Array, name: string): Promise<Attachment> {
  const response = await t.upload(token, bytes, name);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Attachment;
}
const staffSend = (attachmentIds: number[], text = '') =>
  ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text, attachmentIds });

describe('upload', () => {
  it.each([
    ['png', 'photo.png', 'image/png', 'photo.png'],
    ['jpeg', 'IMG 0042.JPEG', 'image/jpeg', 'IMG 0042.JPEG'],
    ['gif', 'funny.gif', 'image/gif', 'funny.gif'],
    ['webp', 'swatch.webp', 'image/webp', 'swatch.webp'],
    ['pdf', 'Price list – 2026.pdf', 'application/pdf', 'Price list – 2026.pdf'],
    ['pdf', 'scan.png', 'application/pdf', 'scan.pdf'],
    ['png', 'notes.txt', 'image/png', 'notes.txt.png'],
    ['png', '../../etc/passwd', 'image/png', 'passwd.png'],
    ['png', '', 'image/png', 'attachment.png'],
  ] as const)('takes %s bytes named "%s" as %s named "%s"', async (kind, name, contentType, storedName) => {
    const attachment = await uploaded(priyaToken, sampleFiles[kind], name);
    expect(attachment).toEqual({ id: expect.any(Number), name: storedName, contentType, size: sampleFiles[kind].length });
  });

  it.each([
    ['an executable renamed .png', sampleFiles.exe, 'invoice.png'],
    ['an SVG (it can carry script)', sampleFiles.svg, 'logo.svg'],
    ['an HTML page named .pdf', sampleFiles.html, 'menu.pdf'],
  ])('refuses %s with 415 and stores nothing', async (_label, bytes, name) => {
    const before = t.fingerprint();
    const response = await t.upload(priyaToken, bytes, name);
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toEqual({ code: 'bad_request', message: 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be attached. This file is neither.' });
    expect(t.fingerprint()).toEqual(before);
  });

  it('refuses a file over 10 MB with 413, and an empty one with 400', async () => {
    const before = t.fingerprint();
    const tooBig = Buffer.concat([sampleFiles.png, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const response = await t.upload(priyaToken, tooBig, 'huge.png');
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toEqual({ code: 'payload_too_large', message: 'The request body is larger than 10 MB.' });
    expect((await t.upload(priyaToken, Buffer.alloc(0), 'empty.png')).status).toBe(400);
    expect(t.fingerprint()).toEqual(before);
    expect((await uploaded(priyaToken, Buffer.concat([sampleFiles.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES - sampleFiles.pdf.length)]), 'max.pdf')).size).toBe(ATTACHMENT_MAX_BYTES);
  });

  it('refuses a file name header that is not URI-encoded', async () => {
    const response = await fetch(`${t.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${priyaToken}`, 'x-file-name': '%E0%A4%A' },
      body: sampleFiles.png,
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('X-File-Name');
  });
});

describe('sending attachments', () => {
  it('attaches the sender\'s uploads in the order given, and every push carries them', async () => {
    const photo = await uploaded(priyaToken, sampleFiles.png, 'after.png');
    const leaflet = await uploaded(priyaToken, sampleFiles.pdf, 'aftercare.pdf');
    const toColleague = nextPush<{ message: Message; conversation: ConversationSummary }>(marcus, 'message:created');
    const toClient = nextPush<{ message: Message }>(ava, 'message:created');
    const message = data(await staffSend([leaflet.id, photo.id]));
    expect(message).toMatchObject({ text: '', attachments: [leaflet, photo] });
    const pushed = await toColleague;
    expect(pushed.message.attachments).toEqual([leaflet, photo]);
    // The inbox preview knows the empty text carries files.
    expect(pushed.conversation.lastMessage).toMatchObject({ text: '', attachmentCount: 2 });
    expect((await toClient).message.attachments).toEqual([leaflet, photo]);
    const history = data(await askClient(ava, 'message:list', { conversationId })).items;
    expect(history.find((item) => item.id === message.id)?.attachments).toEqual([leaflet, photo]);
  });

  it('lets a client send their own upload from an appointment', async () => {
    const photo = await uploaded(avaToken, sampleFiles.jpeg, 'fringe.jpg');
    const message = data(await askClient(ava, 'message:send', { appointmentId, senderMessageId: randomUUID(), text: 'Like this?', attachmentIds: [photo.id] }));
    expect(message.attachments).toEqual([photo]);
  });

  it.each([
    ['someone else\'s upload', async () => [(await uploaded(t.issueClientToken(t.demo.clients.ava), sampleFiles.png, 'x.png')).id], 'not_found'],
    ['an upload already sent', async () => {
      const sent = await uploaded(priyaToken, sampleFiles.png, 'once.png');
      data(await staffSend([sent.id]));
      return [sent.id];
    }, 'not_found'],
    ['an attachment id that does not exist', async () => [999_999], 'not_found'],
    ['the same upload twice', async () => {
      const photo = await uploaded(priyaToken, sampleFiles.png, 'twice.png');
      return [photo.id, photo.id];
    }, 'bad_request'],
    ['more than four attachments', async () => [1, 2, 3, 4, 5], 'bad_request'],
  ] as const)('refuses %s and stores nothing', async (_label, ids, code) => {
    const attachmentIds = await ids();
    const before = t.fingerprint();
    expect(await staffSend(attachmentIds, 'With files')).toMatchObject({ ok: false, error: { code } });
    expect(t.fingerprint()).toEqual(before);
  });

  it('answers a retry with the stored message, and a retry with other attachments with conflict', async () => {
    const [a, b] = [await uploaded(priyaToken, sampleFiles.png, 'a.png'), await uploaded(priyaToken, sampleFiles.png, 'b.png')];
    const payload = { conversationId, senderMessageId: randomUUID(), text: 'Two', attachmentIds: [a.id] };
    const first = data(await ask(priya, 'message:send', payload));
    expect(data(await ask(priya, 'message:send', payload))).toEqual(first);
    expect(await ask(priya, 'message:send', { ...payload, attachmentIds: [b.id] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('download', () => {
  it('returns the bytes with their stored type and headers that keep them inert', async () => {
    const leaflet = await uploaded(priyaToken, sampleFiles.pdf, 'Prix “été”.pdf');
    data(await staffSend([leaflet.id]));
    const response = await t.download(avaToken, leaflet.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sampleFiles.pdf);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'x-content-type-options', 'cache-control', 'content-security-policy'].map((name) => [name, response.headers.get(name)]))).toEqual({
      'content-type': 'application/pdf',
      // An ASCII stand-in for old clients, the exact name (RFC 6266) for everyone else.
      'content-disposition': `attachment; filename="Prix __t__.pdf"; filename*=UTF-8''Prix%20%E2%80%9C%C3%A9t%C3%A9%E2%80%9D.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  it('shows an upload not sent yet to its uploader only', async () => {
    const draft = await uploaded(priyaToken, sampleFiles.png, 'draft.png');
    expect((await t.download(priyaToken, draft.id)).status).toBe(200);
    expect((await t.download((await t.signIn('marcus')).token, draft.id)).status).toBe(404);
    expect((await t.download(avaToken, draft.id)).status).toBe(404);
  });

  it('keeps a conversation\'s attachments from other clients, and answers nonsense ids with 404', async () => {
    const photo = await uploaded(priyaToken, sampleFiles.png, 'sent.png');
    data(await staffSend([photo.id]));
    expect((await t.download(t.issueClientToken(t.demo.clients.mia), photo.id)).status).toBe(404);
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      expect((await fetch(`${t.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${priyaToken}` } })).status, id).toBe(404);
    }
    expect((await t.download(null, photo.id)).status).toBe(401);
  });
});

describe('uploads waiting to be sent', () => {
  it('keeps a limit on uploads waiting to be sent, and sweeps abandoned ones after a day', async () => {
    const grace = t.issueClientToken(t.demo.clients.grace);
    for (let index = 0; index < UNSENT_UPLOADS_MAX; index += 1) await uploaded(grace, sampleFiles.gif, `${index}.gif`);
    const refused = await t.upload(grace, sampleFiles.gif, 'one-more.gif');
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe('rate_limited');
    t.clock.advance(UNSENT_UPLOAD_TTL_MS + 1);
    await uploaded(grace, sampleFiles.gif, 'later.gif');
    expect(t.db.prepare("SELECT count(*) AS n FROM attachments WHERE sender_key = ?").get(`c:${t.demo.clients.grace}`)).toEqual({ n: 1 });
  });
});
