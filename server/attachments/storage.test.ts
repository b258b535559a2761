// The workspace's attachment storage: a quota on the bytes of every stored attachment (owners
// warned at 80 % in the audit log and through storage:get), and uploads never sent deleted a day
// after upload by a periodic sweep that also runs when the server starts.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../app';
import { closeDatabase, openDatabase } from '../db/open';
import { defaultClientLimits, type ClientLimitsConfig } from '../limits/limitsConfig';
import { createMemoryLogger } from '../log';
import { uploadAllAtOnce } from '../testing/heldUploads';
import { sampleFiles } from '../testing/sampleFiles';
import { ask, askClient, connectSocket, data, startTestServer, testConfig, type TestServer } from '../testing/testServer';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { UNSENT_UPLOAD_TTL_MS } from './attachments.routes';

const KB = 1024;

let t: TestServer;
afterEach(() => t.close());

const pdfOf = (size: number) => Buffer.concat([sampleFiles.pdf, Buffer.alloc(size - sampleFiles.pdf.length, 0x20)]);
const storedBytes = () => t.repos.attachments.storedBytes();
const count = (sql: string, ...params: unknown[]) => (t.db.prepare(sql).get(...params) as { n: number }).n;

/** A server whose quota leaves `room` bytes beyond what the demo salon already stores. */
async function serverWithRoom(room: number, limits: Partial<ClientLimitsConfig> = {}): Promise<number> {
  const probe = await startTestServer();
  const quota = probe.repos.attachments.storedBytes() + room;
  await probe.close();
  t = await startTestServer({ clientLimits: { ...defaultClientLimits(), storageQuotaBytes: quota, uploadsPerMinute: 100, ...limits } });
  return quota;
}

describe('storage quota', () => {
  it('warns owners once when storage passes 80 %, then refuses uploads past the quota, staff and clients alike', async () => {
    const quota = await serverWithRoom(1000 * KB);
    const priyaToken = (await t.signIn('priya')).token;
    const owner = await t.connectStaff('owner');
    const warnings = () => count("SELECT count(*) AS n FROM audit_log WHERE action = 'storage.warning'");

    // Up to just under the mark: no warning.
    const belowMark = Math.floor(quota * 0.8) - storedBytes() - 1;
    expect((await t.upload(priyaToken, pdfOf(belowMark), 'big.pdf')).status).toBe(200);
    expect(warnings()).toBe(0);
    expect(data(await ask(owner, 'storage:get', {}))).toEqual({ usedBytes: storedBytes(), quotaBytes: quota, warnAtBytes: Math.floor(quota * 0.8) });

    // The upload that passes it is recorded, by whoever made it; the next one is not.
    const client = t.issueClientToken(t.demo.clients.ava);
    expect((await t.upload(client, pdfOf(10 * KB), 'over.pdf')).status).toBe(200);
    expect((await t.upload(priyaToken, pdfOf(10 * KB), 'more.pdf')).status).toBe(200);
    expect(warnings()).toBe(1);
    const entry = data(await ask(owner, 'audit:list', { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: 'storage.warning', subject: 'Attachment storage', actor: { name: 'Ava Thompson (client)' } });
    expect((entry?.after as { quotaBytes: number }).quotaBytes).toBe(quota);
    const status = data(await ask(owner, 'storage:get', {}));
    expect(status.usedBytes).toBeGreaterThanOrEqual(status.warnAtBytes);
    // Only owners see it.
    const frontDesk = await t.connectStaff('priya');
    expect(await ask(frontDesk, 'storage:get', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Past the quota: refused before the body is read, nothing stored.
    const before = t.fingerprint();
    const left = quota - storedBytes();
    const staffMessage = `The workspace's attachment storage is full (${Math.round((quota / (1024 * 1024)) * 10) / 10} MB). Files can be sent again once the limit is raised on the inbox server.`;
    const clientMessage = "The salon can't take more files right now. You can still send messages without files.";
    for (const [token, message] of [[priyaToken, staffMessage], [client, clientMessage]] as const) {
      const refused = await t.upload(token, pdfOf(left + 1), 'too-much.pdf');
      expect(refused.status).toBe(507);
      expect(((await refused.json()) as { error: unknown }).error).toEqual({ code: 'unavailable', message });
    }
    expect(t.fingerprint()).toEqual(before);
    owner.close();
    frontDesk.close();
  });

  it('lets uploads fired at once fill the quota but never pass it', async () => {
    const quota = await serverWithRoom(1000 * KB);
    const priyaToken = (await t.signIn('priya')).token;
    const answers = await uploadAllAtOnce(t.url, Array.from({ length: 8 }, (_, index) => ({ token: priyaToken, bytes: pdfOf(300 * KB), name: `${index}.pdf` })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 507)).toHaveLength(5);
    expect(storedBytes()).toBeLessThanOrEqual(quota);
  });
});

describe('uploads never sent', () => {
  it('are deleted, rows and bytes, by the periodic sweep a day after upload; sent ones stay', async () => {
    t = await startTestServer({ clientLimits: { ...defaultClientLimits(), maintenanceIntervalMs: 20 } });
    const link = t.issueClientToken(t.demo.clients.ava);
    const upload = async (name: string) => ((await (await t.upload(link, sampleFiles.png, name)).json()) as { id: number }).id;
    const sentId = await upload('sent.png');
    const unsentId = await upload('forgotten.png');
    const page = await connectSocket(t.url, { token: link }, CLIENT_NAMESPACE);
    data(await askClient(page, 'message:send', { appointmentId: t.demo.appointments.ava[0], senderMessageId: randomUUID(), text: '', attachmentIds: [sentId] }));
    page.close();
    const bytesBefore = storedBytes();

    t.clock.advance(UNSENT_UPLOAD_TTL_MS + 1);
    await until(() => count('SELECT count(*) AS n FROM attachments WHERE id = ?', unsentId) === 0);
    expect(count('SELECT count(*) AS n FROM attachment_contents WHERE attachment_id = ?', unsentId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM attachments WHERE id = ?', sentId)).toBe(1);
    expect(storedBytes()).toBe(bytesBefore - sampleFiles.png.length);
  });

  it('are deleted when the server starts again after being down past their day', async () => {
    t = await startTestServer();
    const link = t.issueClientToken(t.demo.clients.ava);
    const unsentId = ((await (await t.upload(link, sampleFiles.png, 'forgotten.png')).json()) as { id: number }).id;
    await t.server.close();
    closeDatabase(t.db);

    t.clock.advance(UNSENT_UPLOAD_TTL_MS + 1);
    const config = testConfig(t.dir);
    const db = openDatabase(config.databaseFile);
    const restarted = createServer({ db, clock: t.clock, config, log: createMemoryLogger() });
    await restarted.listen();
    const left = db.prepare('SELECT count(*) AS n FROM attachments WHERE id = ?').get(unsentId);
    await restarted.close();
    // What t.close() would close is already closed; it closes the reopened database instead.
    Object.assign(t, { db, server: { close: () => Promise.resolve() } });
    expect(left).toEqual({ n: 0 });
  });
});

/** Waits for a condition the server reaches on its own timer (no fixed sleep). */
async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 500) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
