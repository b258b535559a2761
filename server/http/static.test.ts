// The built renderer is served with security headers, and nothing outside it is reachable.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log';
import { writeStaticFixture } from '../testing/testServer';
import { createHostPolicy } from './hosts';
import { createOriginPolicy } from './origins';
import { createRequestListener } from './router';

let dir: string;
const servers: Server[] = [];

async function serve(staticDir: string): Promise<number> {
  const hostPolicy = createHostPolicy({ listenHost: '127.0.0.1', allowedHosts: [] });
  const server = createServer(createRequestListener({ routes: [], staticDir, originPolicy: createOriginPolicy([]), hostPolicy, log: createMemoryLogger() }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function get(port: number, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

let port: number;
// One server for the file: static pages are read-only.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-static-'));
  port = await serve(writeStaticFixture(dir));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe('static pages', () => {
  it.each([
    ['/', 'Inbox'],
    ['/index.html', 'Inbox'],
    ['/client/', 'Client'],
  ])('serves %s with the security headers', async (path, title) => {
    const response = await get(port, path);
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<title>${title}</title>`);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('redirects /client to /client/ so relative asset URLs resolve', async () => {
    const response = await get(port, '/client');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/client/');
  });

  it('serves assets with their content type and a long cache', async () => {
    const script = await get(port, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await get(port, '/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/assets/../secret.txt',
    '/assets/..%2fsecret.txt',
    '/assets/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/..%5csecret.txt',
    '/assets/',
    '/assets/app.js%00.png',
    '/assets/%E0%A4%A',
    '/secret.txt',
    '/client/../secret.txt',
    '//etc/passwd',
  ])('refuses %s', async (path) => {
    const response = await get(port, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('not for the web');
  });

  it('explains how to build when the renderer is missing', async () => {
    const unbuilt = await serve(join(dir, 'nothing-here'));
    const response = await get(unbuilt, '/');
    expect(response.status).toBe(503);
    expect(response.body).toContain('npm run build');
  });
});
