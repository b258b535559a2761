// The booking-system integration API: a client token only with the integration key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { clientTokenResponseSchema, revokeClientTokensResponseSchema, routes } from '../../shared/http';
import { askClient, connectSocket, data, startTestServer, TEST_INTEGRATION_KEY, type TestServer } from '../testing/testServer';

let t: TestServer;
let closed: TestServer;
// Fresh servers for each test: links issued and revoked must not reach another test.
beforeEach(async () => {
  t = await startTestServer();
  closed = await startTestServer({ integrationKey: null });
});
afterEach(async () => {
  await t.close();
  await closed.close();
});

const issue = (server: TestServer, body: unknown, authorization?: string) =>
  fetch(`${server.url}${routes.integrationClientToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

describe('POST /api/integration/client-token', () => {
  it('issues a client token and the client page link', async () => {
    const response = await issue(t, { clientId: t.demo.clients.grace }, `Bearer ${TEST_INTEGRATION_KEY}`);
    expect(response.status).toBe(200);
    const { token, clientPageUrl } = clientTokenResponseSchema.parse(await response.json());
    expect(clientPageUrl).toBe(`${t.url}/client/#token=${token}`);
    const socket = await connectSocket(t.url, { token }, CLIENT_NAMESPACE);
    expect(data(await askClient(socket, 'client:get', {})).client.name).toBe('Grace Kim');
    socket.close();
  });

  it.each([
    ['no key', undefined],
    ['a wrong key', 'Bearer not-the-key-at-all'],
    ['the key without the Bearer scheme', TEST_INTEGRATION_KEY],
  ])('refuses %s with 401', async (_label, authorization) => {
    const response = await issue(t, { clientId: t.demo.clients.grace }, authorization);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('refuses everything when no key is configured', async () => {
    expect((await issue(closed, { clientId: 1 }, 'Bearer anything-at-all')).status).toBe(401);
    expect((await issue(closed, { clientId: 1 }, 'Bearer ')).status).toBe(401);
  });

  it('answers an unknown client with 404 and a bad body with 400', async () => {
    expect((await issue(t, { clientId: 999_999 }, `Bearer ${TEST_INTEGRATION_KEY}`)).status).toBe(404);
    expect((await issue(t, { clientId: 'seven' }, `Bearer ${TEST_INTEGRATION_KEY}`)).status).toBe(400);
  });
});

describe('POST /api/integration/client-token/revoke', () => {
  const revoke = (body: unknown, authorization?: string) =>
    fetch(`${t.url}${routes.integrationRevokeClientTokens}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
  const issued = async (clientId: number) =>
    clientTokenResponseSchema.parse(await (await issue(t, { clientId }, `Bearer ${TEST_INTEGRATION_KEY}`)).json()).token;

  it("ends every link of the client: open pages are disconnected and refused, other clients' links keep working", async () => {
    const grace = t.demo.clients.grace;
    const [first, second] = [await issued(grace), await issued(grace)];
    const otherClient = await issued(t.demo.clients.ava);
    const page = await connectSocket(t.url, { token: first }, CLIENT_NAMESPACE);
    const disconnected = new Promise<string>((resolve) => page.once('disconnect', resolve));

    const response = await revoke({ clientId: grace }, `Bearer ${TEST_INTEGRATION_KEY}`);
    expect(response.status).toBe(200);
    expect(revokeClientTokensResponseSchema.parse(await response.json()).revokedTokens).toBeGreaterThanOrEqual(2);
    expect(await disconnected).toBe('io server disconnect');
    for (const token of [first, second]) await expect(connectSocket(t.url, { token }, CLIENT_NAMESPACE)).rejects.toThrow('unauthenticated');
    const stillFine = await connectSocket(t.url, { token: otherClient }, CLIENT_NAMESPACE);
    stillFine.close();
    // A new link works again.
    const fresh = await connectSocket(t.url, { token: await issued(grace) }, CLIENT_NAMESPACE);
    fresh.close();
  });

  it('needs the key and a client it knows, and changes nothing otherwise', async () => {
    const before = t.fingerprint();
    expect((await revoke({ clientId: t.demo.clients.grace })).status).toBe(401);
    expect((await revoke({ clientId: 999_999 }, `Bearer ${TEST_INTEGRATION_KEY}`)).status).toBe(404);
    expect((await revoke({ clientRef: 'nobody' }, `Bearer ${TEST_INTEGRATION_KEY}`)).status).toBe(404);
    expect(t.fingerprint()).toEqual(before);
  });
});
