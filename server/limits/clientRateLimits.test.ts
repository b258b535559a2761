// Per-link limits on what a client sends: messages and uploads a minute, and bytes a day per
// client. Requests are fired all at once (every one in flight before any answer), and no more
// than the limit get through. Staff are never held back by them.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { uploadAllAtOnce } from '../testing/heldUploads';
import { sampleFiles } from '../testing/sampleFiles';
import { ask, askClient, connectSocket, startTestServer, type TestServer } from '../testing/testServer';
import { defaultClientLimits, type ClientLimitsConfig } from './limitsConfig';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

let t: TestServer;
afterEach(() => t.close());

async function serverWith(limits: Partial<ClientLimitsConfig>): Promise<TestServer> {
  t = await startTestServer({ clientLimits: { ...defaultClientLimits(), ...limits } });
  return t;
}

const count = (sql: string, ...params: unknown[]) => (t.db.prepare(sql).get(...params) as { n: number }).n;
const pdfOf = (size: number) => Buffer.concat([sampleFiles.pdf, Buffer.alloc(size - sampleFiles.pdf.length, 0x20)]);

/** Emits every send before awaiting any ack, so all are in flight at once. */
function sendAllAtOnce(socket: Socket, total: number, payload: () => Record<string, unknown>) {
  const sends = Array.from({ length: total }, () => socket.timeout(5_000).emitWithAck('message:send', payload()));
  return Promise.all(sends) as Promise<{ ok: boolean; error?: { code: string; message: string; details?: { retryAfterMs?: number } } }[]>;
}

describe('messages a minute, per client link', () => {
  it('takes the limit of sends fired at once from one link and refuses the rest with retryAfterMs; staff are not limited', async () => {
    await serverWith({ messagesPerMinute: 5 });
    const link = t.issueClientToken(t.demo.clients.ava);
    const ava = await connectSocket(t.url, { token: link }, CLIENT_NAMESPACE);
    const appointmentId = t.demo.appointments.ava[0]!;
    const before = count('SELECT count(*) AS n FROM messages');

    const answers = await sendAllAtOnce(ava, 12, () => ({ appointmentId, senderMessageId: randomUUID(), text: 'Hello?' }));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(5);
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused).toHaveLength(7);
    for (const answer of refused) {
      expect(answer.error).toMatchObject({ code: 'rate_limited', message: 'You are sending messages too quickly. Wait a moment and try again.' });
      expect(answer.error?.details?.retryAfterMs).toBeGreaterThan(0);
      expect(answer.error?.details?.retryAfterMs).toBeLessThanOrEqual(MINUTE_MS);
    }
    expect(count('SELECT count(*) AS n FROM messages')).toBe(before + 5);

    // Another link of the same client has its own minute; the front desk is never limited.
    const otherLink = await connectSocket(t.url, { token: t.issueClientToken(t.demo.clients.ava) }, CLIENT_NAMESPACE);
    expect((await askClient(otherLink, 'message:send', { appointmentId, senderMessageId: randomUUID(), text: 'From my laptop' })).ok).toBe(true);
    const priya = await t.connectStaff('priya');
    const conversationId = t.demo.conversations.ava!;
    const staffAnswers = await sendAllAtOnce(priya, 12, () => ({ conversationId, senderMessageId: randomUUID(), text: 'On it' }));
    expect(staffAnswers.every((answer) => answer.ok)).toBe(true);

    // A minute later the first link may send again.
    t.clock.advance(MINUTE_MS);
    expect((await askClient(ava, 'message:send', { appointmentId, senderMessageId: randomUUID(), text: 'Still there?' })).ok).toBe(true);
    ava.close();
    otherLink.close();
    priya.close();
  });
});

describe('uploads a minute, per client link', () => {
  it('takes the limit of uploads fired at once and refuses the rest with 429 and Retry-After; staff uploads keep working', async () => {
    await serverWith({ uploadsPerMinute: 3 });
    const link = t.issueClientToken(t.demo.clients.ava);
    const before = count('SELECT count(*) AS n FROM attachments');

    const answers = await uploadAllAtOnce(t.url, Array.from({ length: 8 }, (_, index) => ({ token: link, bytes: sampleFiles.png, name: `${index}.png` })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused).toHaveLength(5);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(answer.body.error).toMatchObject({ code: 'rate_limited', message: 'You are uploading files too quickly. Wait a moment and try again.' });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    }
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(before + 3);

    const priyaToken = (await t.signIn('priya')).token;
    const staffAnswers = await uploadAllAtOnce(t.url, Array.from({ length: 8 }, (_, index) => ({ token: priyaToken, bytes: sampleFiles.png, name: `${index}.png` })));
    expect(staffAnswers.map((answer) => answer.status)).toEqual(Array(8).fill(200));

    t.clock.advance(MINUTE_MS);
    expect((await t.upload(link, sampleFiles.png, 'later.png')).status).toBe(200);
  });
});

describe('upload bytes a day, per client', () => {
  it('lets uploads fired at once bring no more than the day allows, over all the client\'s links', async () => {
    const fileBytes = 300 * 1024;
    await serverWith({ uploadsPerMinute: 100, uploadBytesPerDay: 1024 * 1024 });
    const links = [t.issueClientToken(t.demo.clients.ava), t.issueClientToken(t.demo.clients.ava)];
    const answers = await uploadAllAtOnce(t.url, Array.from({ length: 8 }, (_, index) => ({ token: links[index % 2]!, bytes: pdfOf(fileBytes), name: `${index}.pdf` })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    for (const answer of answers.filter((each) => each.status !== 200)) {
      expect(answer.status).toBe(429);
      expect(answer.body.error).toMatchObject({
        code: 'rate_limited',
        message: 'You have uploaded as much as you can in one day (1 MB). You can still send messages without files.',
      });
      // Room comes back when the first of today's uploads is a day old.
      expect(Number(answer.retryAfter)).toBe(DAY_MS / 1000);
    }
    expect(count('SELECT total(size) AS n FROM attachments WHERE sender_key = ?', `c:${t.demo.clients.ava}`)).toBe(3 * fileBytes);

    // A smaller file still fits; then nothing more today. Another client and the staff are unaffected.
    expect((await t.upload(links[0]!, pdfOf(120 * 1024), 'small.pdf')).status).toBe(200);
    expect((await t.upload(links[1]!, pdfOf(10 * 1024), 'one-more.pdf')).status).toBe(429);
    expect((await t.upload(t.issueClientToken(t.demo.clients.mia), pdfOf(fileBytes), 'mia.pdf')).status).toBe(200);
    expect((await t.upload((await t.signIn('priya')).token, pdfOf(2 * 1024 * 1024), 'price-list.pdf')).status).toBe(200);

    t.clock.advance(DAY_MS);
    expect((await t.upload(links[0]!, pdfOf(fileBytes), 'tomorrow.pdf')).status).toBe(200);
  });

  it('counts an upload without a declared size against what is left today', async () => {
    await serverWith({ uploadBytesPerDay: 1024 * 1024 });
    const link = t.issueClientToken(t.demo.clients.ava);
    expect((await t.upload(link, pdfOf(900 * 1024), 'first.pdf')).status).toBe(200);
    // A streamed body (no Content-Length) may bring only what is left: 124 KB.
    const streamed = (bytes: Buffer) =>
      fetch(`${t.url}/api/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${link}`, 'x-file-name': 'streamed.pdf' },
        body: new ReadableStream({ start: (controller) => (controller.enqueue(bytes), controller.close()) }),
        duplex: 'half',
      } as RequestInit);
    expect((await streamed(pdfOf(200 * 1024))).status).toBe(413);
    expect((await streamed(pdfOf(100 * 1024))).status).toBe(200);
  });
});

describe('staff requests are not counted', () => {
  it('uploads and messages of a member go through beyond every client limit', async () => {
    await serverWith({ messagesPerMinute: 1, uploadsPerMinute: 1, uploadBytesPerDay: 1024 * 1024 });
    const priyaToken = (await t.signIn('priya')).token;
    for (let index = 0; index < 3; index += 1) expect((await t.upload(priyaToken, pdfOf(600 * 1024), `${index}.pdf`)).status).toBe(200);
    const priya = await t.connectStaff('priya');
    const conversationId = t.demo.conversations.ava!;
    for (let index = 0; index < 3; index += 1) {
      expect((await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: `Reply ${index}` })).ok).toBe(true);
    }
  });
});
