// Host names against DNS rebinding: the API and both socket namespaces answer only to the
// names the server knows are its own (loopback names on loopback; the computer's own addresses
// and name on 0.0.0.0; --allowed-host always). A rebound domain is refused even when its Origin
// matches its Host.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { CLIENT_NAMESPACE } from '../../shared/clientEvents';
import { routes } from '../../shared/http';
import { startTestServer, type TestServer } from '../testing/testServer';
import { createHostPolicy, type MachineNames } from './hosts';
import { HOST_REFUSED_MESSAGE } from './router';

describe('which names are allowed', () => {
  const machine = (addresses: string[], hostName = 'Reception-PC'): MachineNames & { reads: number } => {
    const names = { reads: 0, addresses: () => (names.reads++, addresses), hostName: () => hostName };
    return names;
  };

  it('on loopback: the loopback names and configured names, at any port', () => {
    const policy = createHostPolicy({ listenHost: '127.0.0.1', allowedHosts: ['Inbox.Salon.Example'], machine: machine(['192.168.1.20']) });
    for (const host of ['127.0.0.1:4780', 'localhost:4780', 'LOCALHOST', '[::1]:4780', 'inbox.salon.example', 'inbox.salon.example.:443']) {
      expect(policy.allows(host), host).toBe(true);
    }
    for (const host of [undefined, '', 'rebound.example:4780', '192.168.1.20:4780', 'reception-pc', '127.0.0.1.rebound.example', 'a b', 'user@localhost', 'localhost/x']) {
      expect(policy.allows(host), String(host)).toBe(false);
    }
  });

  it("on every interface: also this computer's addresses and name, re-read when an unknown address (never a name) arrives", () => {
    const addresses = ['127.0.0.1', '192.168.1.20', 'fe80::1%eth0', '::1'];
    const names = machine(addresses);
    const policy = createHostPolicy({ listenHost: '0.0.0.0', allowedHosts: [], machine: names });
    for (const host of ['127.0.0.1:4780', 'localhost', '192.168.1.20:4780', '[fe80::1]:4780', 'reception-pc:4780', 'reception-pc.local']) {
      expect(policy.allows(host), host).toBe(true);
    }
    const readsBefore = names.reads;
    expect(policy.allows('rebound.example:4780')).toBe(false);
    expect(names.reads).toBe(readsBefore);
    expect(policy.allows('10.0.0.7:4780')).toBe(false);
    expect(names.reads).toBe(readsBefore + 1);
    addresses.push('10.0.0.7'); // the computer was given a new address
    expect(policy.allows('10.0.0.7:4780')).toBe(true);
  });

  it('on one address: that address and configured names only', () => {
    const policy = createHostPolicy({ listenHost: '192.168.1.20', allowedHosts: ['inbox.salon.example'], machine: machine(['192.168.1.21']) });
    expect(['192.168.1.20:4780', 'inbox.salon.example', 'localhost', '192.168.1.21'].map((host) => policy.allows(host))).toEqual([true, true, false, false]);
  });
});

/** A raw request, so the Host header is exactly the one given (fetch sets its own). */
function get(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Connects a socket with the given Host header; resolves to "connected" or the refusal. */
function connectAs(url: string, namespace: string, host: string, token: string): Promise<string> {
  const socket = io(`${url}${namespace}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { host } });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(`refused: ${error.message}`);
    });
  });
}

describe('a server on 127.0.0.1', () => {
  let t: TestServer;
  let port: string;
  // One server for these tests: refused and answered requests store and count nothing.
  beforeAll(async () => {
    t = await startTestServer({ allowedHosts: ['inbox.salon.example'] });
    port = new URL(t.url).port;
  });
  afterAll(() => t.close());

  it('refuses the API to a rebound domain, even with a same-origin Origin', async () => {
    const rebound = `rebound.example:${port}`;
    const asked: Record<string, string>[] = [{ host: rebound }, { host: rebound, origin: `http://${rebound}` }];
    for (const headers of asked) {
      for (const path of [routes.health, routes.setup, routes.signIn]) {
        expect(await get(t.url, path, headers)).toEqual({ status: 403, body: JSON.stringify({ error: { code: 'forbidden', message: HOST_REFUSED_MESSAGE } }) });
      }
    }
  });

  it('answers by its loopback names and the configured ones', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'inbox.salon.example']) {
      expect((await get(t.url, routes.health, { host })).status, host).toBe(200);
    }
    expect((await get(t.url, routes.health, { host: 'localhost', origin: 'http://localhost' })).status).toBe(200);
  });

  it('refuses the socket.io handshake to a rebound domain, for staff and clients alike', async () => {
    const { token } = await t.signIn('priya');
    const clientToken = t.issueClientToken(t.demo.clients.ava);
    const rebound = `rebound.example:${port}`;
    expect(await connectAs(t.url, '', rebound, token)).toMatch(/^refused/);
    expect(await connectAs(t.url, CLIENT_NAMESPACE, rebound, clientToken)).toMatch(/^refused/);
    expect((await get(t.url, '/socket.io/?EIO=4&transport=polling', { host: rebound })).status).toBe(403);
    expect(await connectAs(t.url, '', `localhost:${port}`, token)).toBe('connected');
    expect(await connectAs(t.url, CLIENT_NAMESPACE, 'inbox.salon.example', clientToken)).toBe('connected');
  });
});
