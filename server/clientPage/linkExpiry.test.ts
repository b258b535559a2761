// Client links expire: a link stops working the configured time (90 days by default) after the
// later of when it was issued and when the client's newest appointment (any status) starts.
// The integration API issues a fresh one whenever needed. The clock is moved instead of waited on.
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { clientTokenResponseSchema, routes } from '../../shared/http';
import { defaultClientLimits } from '../limits/limitsConfig';
import { LINK_COLUMNS } from './clients.repository';
import { sampleFiles } from '../testing/sampleFiles';
import { askClient, connectSocket, data, startTestServer, TEST_INTEGRATION_KEY, type TestServer } from '../testing/testServer';

const DAY_MS = 24 * 60 * 60 * 1000;
const LINK_TTL_MS = 90 * DAY_MS;

let t: TestServer;
afterEach(() => t.close());

async function integration(method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_INTEGRATION_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

/** A client of the booking system with no appointment yet. */
async function newClient(ref: string): Promise<void> {
  await integration('PUT', '/api/integration/locations/loc-camden', { name: 'Lumen Camden' });
  await integration('PUT', `/api/integration/clients/${ref}`, { name: `Client ${ref}` });
}
const book = (ref: string, clientRef: string, startsAt: number, status = 'confirmed') =>
  integration('PUT', `/api/integration/appointments/${ref}`, {
    clientRef, locationRef: 'loc-camden', service: 'Cut', startsAt: new Date(startsAt).toISOString(), status,
  });
const issueLink = async (clientRef: string) =>
  clientTokenResponseSchema.parse(await integration('POST', routes.integrationClientToken, { clientRef })).token;

async function connects(token: string): Promise<boolean> {
  try {
    (await connectSocket(t.url, { token }, CLIENT_NAMESPACE)).close();
    return true;
  } catch (error) {
    expect((error as { data?: unknown }).data).toEqual({
      code: 'unauthenticated',
      message: 'This link has expired or is not valid any more. Ask the business for a new one.',
    });
    return false;
  }
}
const uploads = async (token: string) => (await t.upload(token, sampleFiles.png, 'photo.png')).status;

describe('client link expiry', () => {
  it('ends a link the configured time after the newest appointment starts, whatever its status', async () => {
    t = await startTestServer();
    await newClient('cl-1');
    const start = t.clock.now();
    await book('ap-1', 'cl-1', start + 10 * DAY_MS);
    await book('ap-2', 'cl-1', start + 30 * DAY_MS, 'cancelled');
    const link = await issueLink('cl-1');

    t.clock.advance(30 * DAY_MS + LINK_TTL_MS - 1);
    expect(await connects(link)).toBe(true);
    expect(await uploads(link)).toBe(200);
    t.clock.advance(1);
    expect(await connects(link)).toBe(false);
    expect(await uploads(link)).toBe(401);
  });

  it('ends the link of a client with no appointment the configured time after it was issued', async () => {
    t = await startTestServer();
    await newClient('cl-2');
    const link = await issueLink('cl-2');
    t.clock.advance(LINK_TTL_MS - 1);
    expect(await connects(link)).toBe(true);
    t.clock.advance(1);
    expect(await connects(link)).toBe(false);
  });

  it('issues a fresh link that works after the old one expired; the old one stays expired', async () => {
    t = await startTestServer();
    await newClient('cl-3');
    await book('ap-3', 'cl-3', t.clock.now() - 200 * DAY_MS, 'completed');
    const old = await issueLink('cl-3');
    t.clock.advance(LINK_TTL_MS);
    expect(await connects(old)).toBe(false);

    const fresh = await issueLink('cl-3');
    expect(await connects(fresh)).toBe(true);
    expect(await uploads(fresh)).toBe(200);
    expect(await connects(old)).toBe(false);
  });

  it('keeps working for a client with an appointment still to come, however old the link', async () => {
    t = await startTestServer();
    await newClient('cl-4');
    const link = await issueLink('cl-4');
    t.clock.advance(400 * DAY_MS);
    expect(await connects(link)).toBe(false);
    await book('ap-4', 'cl-4', t.clock.now() + 7 * DAY_MS);
    expect(await connects(link)).toBe(true);
  });

  it('honours a configured lifetime', async () => {
    t = await startTestServer({ clientLimits: { ...defaultClientLimits(), linkTtlMs: 10 * DAY_MS } });
    await newClient('cl-5');
    const link = await issueLink('cl-5');
    t.clock.advance(10 * DAY_MS);
    expect(await connects(link)).toBe(false);
  });
});

describe('a page open when its link expires', () => {
  it('is refused on its next request and disconnected', async () => {
    t = await startTestServer();
    await newClient('cl-6');
    const page = await connectSocket(t.url, { token: await issueLink('cl-6') }, CLIENT_NAMESPACE);
    expect(data(await askClient(page, 'client:get', {})).client.name).toBe('Client cl-6');
    const disconnected = new Promise<string>((resolve) => page.once('disconnect', resolve));
    t.clock.advance(LINK_TTL_MS);
    expect(await askClient(page, 'client:get', {})).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'This link has expired. Ask the business for a new one.' },
    });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('stays connected past the expiry it was told at connect when a new appointment extends it', async () => {
    t = await startTestServer();
    await newClient('cl-7');
    const page: Socket = await connectSocket(t.url, { token: await issueLink('cl-7') }, CLIENT_NAMESPACE);
    t.clock.advance(LINK_TTL_MS - DAY_MS);
    await book('ap-7', 'cl-7', t.clock.now() + DAY_MS);
    t.clock.advance(2 * DAY_MS);
    expect(data(await askClient(page, 'client:get', {})).appointments).toHaveLength(1);
    page.close();
  });

  it('is disconnected by the periodic sweep even when it sends nothing', async () => {
    t = await startTestServer({ clientLimits: { ...defaultClientLimits(), maintenanceIntervalMs: 20 } });
    await newClient('cl-8');
    const page = await connectSocket(t.url, { token: await issueLink('cl-8') }, CLIENT_NAMESPACE);
    const disconnected = new Promise<string>((resolve) => page.once('disconnect', resolve));
    t.clock.advance(LINK_TTL_MS);
    expect(await disconnected).toBe('io server disconnect');
    expect(t.log.entries.some((entry) => entry.message === 'Disconnected client pages whose link expired')).toBe(true);
  });
});

describe('the link lookup', () => {
  it('finds the token by its unique index and the newest appointment from appointments_by_client', async () => {
    t = await startTestServer();
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${LINK_COLUMNS} WHERE t.token_hash = ? AND t.revoked_at IS NULL`).all(Buffer.alloc(32)) as { detail: string }[])
      .map((step) => step.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH t USING INDEX sqlite_autoindex_client_tokens/);
    expect(plan).toMatch(/SEARCH a USING COVERING INDEX appointments_by_client/);
    expect(plan).not.toMatch(/SCAN/);
  });
});
