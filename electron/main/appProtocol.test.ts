import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME,
  buildContentSecurityPolicy,
  createAppRequestHandler,
  handleAppProtocol,
  resolveRendererFile,
  type ProtocolSetup,
} from './appProtocol';

let outDir: string;
let rendererDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'inbox-app-protocol-'));
  rendererDir = join(outDir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(join(rendererDir, 'client'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Inbox</title>');
  writeFileSync(join(rendererDir, 'assets', 'inbox-1a2b.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'client', 'index.html'), '<!doctype html><title>Client</title>');
  // Outside the renderer folder: must never be served.
  writeFileSync(join(outDir, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('maps app://inbox paths to files with their content type', () => {
    expect(resolveRendererFile(rendererDir, 'app://inbox/index.html')).toEqual({
      kind: 'file',
      path: join(rendererDir, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(rendererDir, 'app://inbox/assets/inbox-1a2b.js?v=2#x')).toMatchObject({
      path: join(rendererDir, 'assets', 'inbox-1a2b.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(rendererDir, 'app://inbox/blob.bin')).toMatchObject({ contentType: 'application/octet-stream' });
  });

  it('serves index.html for folders', () => {
    expect(resolveRendererFile(rendererDir, 'app://inbox/')).toMatchObject({ path: join(rendererDir, 'index.html') });
    expect(resolveRendererFile(rendererDir, 'app://inbox')).toMatchObject({ path: join(rendererDir, 'index.html') });
    expect(resolveRendererFile(rendererDir, 'app://inbox/client/')).toMatchObject({
      path: join(rendererDir, 'client', 'index.html'),
    });
  });

  it.each([
    'app://inbox/%2e%2e%2fsecret.txt',
    'app://inbox/assets/..%2f..%2fsecret.txt',
    'app://inbox/..%5csecret.txt',
    'app://inbox/assets%5c..%5c..%5csecret.txt',
    'app://inbox/index.html%00.png',
  ])('refuses path traversal: %s', (url) => {
    expect(resolveRendererFile(rendererDir, url)).toEqual({ kind: 'refused', status: 403 });
  });

  it('keeps dot segments that URL parsing resolves inside the folder', () => {
    for (const url of ['app://inbox/../../secret.txt', 'app://inbox/%2e%2e/secret.txt']) {
      expect(resolveRendererFile(rendererDir, url)).toMatchObject({ path: join(rendererDir, 'secret.txt') });
    }
  });

  it('refuses other hosts, other schemes and broken escapes', () => {
    expect(resolveRendererFile(rendererDir, 'app://other/index.html')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveRendererFile(rendererDir, 'https://inbox/index.html')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveRendererFile(rendererDir, 'app://inbox/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
  });
});

describe('buildContentSecurityPolicy', () => {
  it('allows the page to reach only its own files and the inbox server', () => {
    expect(buildContentSecurityPolicy('http://127.0.0.1:4780')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob: http://127.0.0.1:4780; " +
        "connect-src 'self' http://127.0.0.1:4780 ws://127.0.0.1:4780; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('uses wss for an https server and drops any path', () => {
    const policy = buildContentSecurityPolicy('https://inbox.example.com/');
    expect(policy).toContain("connect-src 'self' https://inbox.example.com wss://inbox.example.com;");
    expect(policy).not.toContain('inbox.example.com/');
    expect(policy).not.toContain('ws://');
  });
});

describe('app:// request handler', () => {
  const handler = () => createAppRequestHandler(rendererDir, 'http://127.0.0.1:4780');

  it('serves a renderer file with the CSP and nosniff headers', async () => {
    const response = await handler()(new Request('app://inbox/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Inbox</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy('http://127.0.0.1:4780'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for a missing file, 403 for traversal and 405 for writes', async () => {
    expect((await handler()(new Request('app://inbox/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://inbox/..%2fsecret.txt'))).status).toBe(403);
    expect((await handler()(new Request('app://inbox/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('is registered for the app scheme', async () => {
    const registered: string[] = [];
    let registeredHandler: ((request: Request) => Promise<Response>) | undefined;
    const protocol: ProtocolSetup = {
      handle: (scheme, handle) => {
        registered.push(scheme);
        registeredHandler = handle;
      },
    };
    handleAppProtocol(protocol, rendererDir, 'http://127.0.0.1:4780');
    expect(registered).toEqual([APP_SCHEME]);
    expect(APP_SCHEME).toBe('app');
    expect((await registeredHandler?.(new Request('app://inbox/client/')))?.status).toBe(200);
  });
});
