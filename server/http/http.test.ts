// The HTTP front door: health, JSON errors, limits, CORS and the origin check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_ORIGIN, healthResponseSchema, routes } from '../../shared/http';
import { createMemoryLogger } from '../log';
import { connectSocket, startTestServer, type TestServer } from '../testing/testServer';
import { HttpError } from './errors';
import { createOriginPolicy } from './origins';
import { createHostPolicy } from './hosts';
import { createRequestListener } from './router';

let t: TestServer;
const DEV_ORIGIN = 'http://localhost:5173';
// One server for the file: these requests change nothing another test reads (one successful
// sign-in, no wrong guesses counted), so no test's state can reach another.
beforeAll(async () => {
  t = await startTestServer({ extraAllowedOrigins: [DEV_ORIGIN] });
});
afterAll(() => t.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('API routes', () => {
  it('answers health without credentials', async () => {
    const response = await fetch(`${t.url}${routes.health}`);
    expect(response.status).toBe(200);
    expect(healthResponseSchema.parse(await response.json())).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await fetch(`${t.url}/api/nope`);
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({ code: 'not_found', message: 'There is no API route /api/nope.' });
  });

  it('answers the wrong method with 405 and Allow', async () => {
    const response = await fetch(`${t.url}${routes.signIn}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await errorOf(response)).message).toBe('Use POST for /api/auth/sign-in.');
  });

  it('refuses bad JSON with 400', async () => {
    const response = await post(routes.signIn, '{"email": ');
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ code: 'bad_request', message: 'The request body is not valid JSON.' });
    expect((await post(routes.signIn, '')).status).toBe(400);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const response = await post(routes.signIn, JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    expect((await fetch(`${t.url}${routes.health}`)).status).toBe(200);
  });
});

describe('origins', () => {
  it.each([DESKTOP_ORIGIN, DEV_ORIGIN])('answers a preflight from %s', async (origin) => {
    const response = await fetch(`${t.url}${routes.signIn}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('lets the desktop app upload with a file name header and read a download\'s file name', async () => {
    const preflight = await fetch(`${t.url}${routes.attachments}`, {
      method: 'OPTIONS',
      headers: { origin: DESKTOP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-file-name' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, X-File-Name');
    const download = await fetch(`${t.url}${routes.attachment(1)}`, { headers: { origin: DESKTOP_ORIGIN } });
    expect(download.status).toBe(401);
    expect(download.headers.get('access-control-expose-headers')).toBe('Content-Disposition');
  });

  it('lets the allowed origins and the server\'s own pages call the API', async () => {
    for (const origin of [DESKTOP_ORIGIN, t.url]) {
      const response = await fetch(`${t.url}${routes.health}`, { headers: { origin } });
      expect(response.status).toBe(200);
    }
  });

  it('refuses any other origin, for requests and sockets alike', async () => {
    const evil = 'https://evil.example';
    const response = await fetch(`${t.url}${routes.health}`, { headers: { origin: evil } });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${t.url}${routes.signIn}`, { method: 'OPTIONS', headers: { origin: evil } });
    expect(preflight.status).toBe(403);

    const { token } = await t.signIn('priya');
    const connecting = connectSocket(t.url, { token });
    await expect(connecting).resolves.toBeTruthy();
    (await connecting).close();
    const { io } = await import('socket.io-client');
    const foreign = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false, extraHeaders: { origin: evil } });
    await expect(new Promise((resolve, reject) => {
      foreign.once('connect', () => resolve('connected'));
      foreign.once('connect_error', reject);
    })).rejects.toThrow();
    foreign.close();
  });
});

describe('unexpected failures', () => {
  const log = createMemoryLogger();
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(
      createRequestListener({
        routes: [
          { method: 'GET', path: '/api/crash', handle: () => { throw new Error('db password is hunter2'); } },
          { method: 'GET', path: '/api/teapot', handle: () => { throw new HttpError(409, 'conflict', 'Already done.'); } },
        ],
        staticDir: '/nonexistent',
        originPolicy: createOriginPolicy([]),
        hostPolicy: createHostPolicy({ listenHost: '127.0.0.1', allowedHosts: [] }),
        log,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers a thrown error with 500 internal, no internals, and logs it', async () => {
    const response = await fetch(`${url}/api/crash`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server. Please try again.' } });
    expect(body).not.toContain('hunter2');
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', message: 'HTTP request failed' }));
    expect((await fetch(`${url}/api/teapot`)).status).toBe(409);
  });
});
