// First run with --setup: an empty database waits; the app on the server's own computer creates
// the business and its owner (signed in at once) or loads the demo — once. Servers started
// without --setup never take either.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes, setupStateSchema, signInResponseSchema, type SetupRequest } from '../../shared/http';
import { DEMO_LOGINS } from '../demo/demoData';
import { createMemoryLogger } from '../log';
import { startServer, type RunningServer } from '../start';
import { ask, connectSocket, data, testConfig } from '../testing/testServer';
import { isLoopbackAddress, namesLoopback } from './setup.routes';

let dir: string;
let server: RunningServer;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-setup-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = async (overrides: Parameters<typeof testConfig>[1]) => {
  server = await startServer(testConfig(dir, overrides), { log: createMemoryLogger(), print: () => undefined });
  return server.url;
};
const state = async (url: string) => setupStateSchema.parse(await (await fetch(`${url}${routes.setup}`)).json());
const post = (url: string, path: string, body: unknown = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const salon: SetupRequest = {
  workspaceName: 'Bright Cuts',
  country: 'gb',
  locationName: 'Bright Cuts Leeds',
  ownerName: 'Dana Reyes',
  email: 'Dana@BrightCuts.example',
  password: 'dana-owner-password',
};

describe('first run with --setup', () => {
  it('waits on an empty database, then creates the business, its first location and its owner, signed in at once', async () => {
    const url = await start({ setup: true });
    expect(await state(url)).toEqual({ required: true, available: true });

    const response = await post(url, routes.setup, salon);
    expect(response.status).toBe(200);
    const { token, session } = signInResponseSchema.parse(await response.json());
    expect(session.member).toMatchObject({ name: 'Dana Reyes', email: 'dana@brightcuts.example', role: 'owner' });
    expect(session.workspace.name).toBe('Bright Cuts');
    expect(session.locations.map((location) => location.name)).toEqual(['Bright Cuts Leeds']);
    const socket = await connectSocket(url, { token });
    expect(data(await ask(socket, 'team:get', {})).members.map((member) => member.name)).toEqual(['Dana Reyes']);
    socket.close();
    expect(await state(url)).toEqual({ required: false, available: false });
    expect((await post(url, routes.signIn, { email: salon.email, password: salon.password })).status).toBe(200);
  });

  it('is done once: a second set-up or the demo afterwards is refused and changes nothing', async () => {
    const url = await start({ setup: true });
    expect((await post(url, routes.setup, salon)).status).toBe(200);
    const again = await post(url, routes.setup, { ...salon, email: 'intruder@example.com' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe('This inbox is already set up. Sign in instead.');
    expect((await post(url, routes.setupDemo)).status).toBe(409);
    expect((await post(url, routes.signIn, { email: 'intruder@example.com', password: salon.password })).status).toBe(401);
    expect((await post(url, routes.signIn, { email: DEMO_LOGINS[0]!.email, password: DEMO_LOGINS[0]!.password })).status).toBe(401);
  });

  it('refuses bad input field by field and creates nothing', async () => {
    const url = await start({ setup: true });
    const response = await post(url, routes.setup, { ...salon, country: 'Britain', password: 'short', email: 'nope' });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { error: { details: { path: string }[] } }).error.details.map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['country', 'email', 'password']));
    expect(await state(url)).toEqual({ required: true, available: true });
  });

  it('loads the demo salon instead, when asked', async () => {
    const url = await start({ setup: true });
    const response = await post(url, routes.setupDemo);
    expect(setupStateSchema.parse(await response.json())).toEqual({ required: false, available: false });
    const [login] = DEMO_LOGINS;
    expect((await post(url, routes.signIn, { email: login!.email, password: login!.password })).status).toBe(200);
  });

  it('is never offered by a server started with the demo or without --setup', async () => {
    const url = await start({ demo: true });
    expect(await state(url)).toEqual({ required: false, available: false });
    expect((await post(url, routes.setup, salon)).status).toBe(403);
    expect((await post(url, routes.setupDemo)).status).toBe(403);
  });
});

describe('a page whose host name points at this computer (DNS rebinding)', () => {
  it('cannot set it up or load the demo', async () => {
    const url = await start({ setup: true });
    const port = new URL(url).port;
    const rebound = (path: string, body: unknown) => {
      return new Promise<number>((resolve, reject) => {
        const req = request(`${url}${path}`, {
          method: 'POST',
          headers: { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'content-type': 'application/json' },
        }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    };
    expect(await rebound(routes.setup, salon)).toBe(403);
    expect(await rebound(routes.setupDemo, {})).toBe(403);
    expect(await state(url)).toEqual({ required: true, available: true });
  });
});

describe('namesLoopback', () => {
  it('accepts this computer by its loopback names, with or without port or scheme', () => {
    for (const name of ['127.0.0.1:4780', 'localhost:4780', '[::1]:4780', 'http://127.0.0.1:5173', 'http://localhost']) {
      expect(namesLoopback(name), name).toBe(true);
    }
    for (const name of ['evil.example:4780', 'http://evil.example', '192.168.1.20:4780', undefined, '', 'not a host']) expect(namesLoopback(name), String(name)).toBe(false);
  });
});

describe('isLoopbackAddress', () => {
  it('is this computer only', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.1.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['192.168.1.20', '::ffff:192.168.1.20', '10.0.0.1', 'fe80::1', 'unknown', '']) expect(isLoopbackAddress(address), address).toBe(false);
  });
});
