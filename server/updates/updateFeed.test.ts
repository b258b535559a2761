// The update feed over real HTTP: a real inbox server on 127.0.0.1 serving a temp folder.
// Requests go through node:http with the path exactly as written (fetch would tidy "../").
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer';
import { parseRange, UPDATE_FILE_MAX_BYTES, updateFileName } from './updateFeed';

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every file in the folder with its content hash: what a refused request must leave alone. */
function folderFingerprint(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const stats = lstatSync(join(folder, name));
    // The sparse file over the size cap is compared by size and time; reading it takes long.
    entries[name] =
      stats.isFile() && stats.size < 1024 * 1024
        ? createHash('sha256').update(readFileSync(join(folder, name))).digest('hex')
        : `${stats.size}@${stats.mtimeMs}`;
  }
  return entries;
}

const INSTALLER = 'front-desk-inbox-0.2.0-win-x64.exe';
const LATEST_YML = 'version: 0.2.0\nfiles:\n  - url: front-desk-inbox-0.2.0-win-x64.exe\n';

describe('the update feed', () => {
  let root: string;
  let updatesDir: string;
  let installer: Buffer;
  let server: TestServer;

  // One server for these tests: the feed is read-only (one test checks that other methods change
  // nothing), so no test's state can reach another.
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'inbox-feed-'));
    updatesDir = join(root, 'updates');
    mkdirSync(updatesDir);
    installer = randomBytes(256 * 1024);
    writeFileSync(join(updatesDir, INSTALLER), installer);
    writeFileSync(join(updatesDir, 'latest.yml'), LATEST_YML);
    writeFileSync(join(updatesDir, 'notes.txt'), 'not a published kind of file');
    writeFileSync(join(updatesDir, '.hidden.yml'), 'hidden');
    mkdirSync(join(updatesDir, 'folder.exe'));
    mkdirSync(join(updatesDir, 'sub'));
    writeFileSync(join(updatesDir, 'sub', 'inner.exe'), 'in a subfolder');
    writeFileSync(join(root, 'secret.yml'), 'outside the folder');
    symlinkSync(join(root, 'secret.yml'), join(updatesDir, 'link.yml'));
    // Sparse: the size is over the cap without writing a gigabyte.
    writeFileSync(join(updatesDir, 'huge.zip'), '');
    truncateSync(join(updatesDir, 'huge.zip'), UPDATE_FILE_MAX_BYTES + 1);
    server = await startTestServer({ updatesDir });
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves latest.yml, uncached, whatever query electron-updater adds', async () => {
    const response = await rawRequest(server.url, 'GET', '/updates/latest.yml?noCache=1abc');
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(LATEST_YML);
    expect(response.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['accept-ranges']).toBe('bytes');
  });

  it('serves an installer whole, and HEAD with its length but no body', async () => {
    const whole = await rawRequest(server.url, 'GET', `/updates/${INSTALLER}`);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(installer)).toBe(true);
    expect(whole.headers['content-type']).toBe('application/octet-stream');

    const head = await rawRequest(server.url, 'HEAD', `/updates/${INSTALLER}`);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(installer.length));
    expect(head.body.length).toBe(0);
  });

  it('answers one byte range with 206, as differential downloads ask', async () => {
    const middle = await rawRequest(server.url, 'GET', `/updates/${INSTALLER}`, { Range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-1999/${installer.length}`);
    expect(middle.body.equals(installer.subarray(1000, 2000))).toBe(true);

    const tail = await rawRequest(server.url, 'GET', `/updates/${INSTALLER}`, { Range: 'bytes=-100' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(installer.subarray(installer.length - 100))).toBe(true);

    const open = await rawRequest(server.url, 'GET', `/updates/${INSTALLER}`, { Range: `bytes=${installer.length - 10}-` });
    expect(open.body.equals(installer.subarray(installer.length - 10))).toBe(true);

    const beyond = await rawRequest(server.url, 'GET', `/updates/${INSTALLER}`, { Range: `bytes=${installer.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${installer.length}`);

    // Several ranges at once are not offered: the whole file, as RFC 9110 allows.
    const several = await rawRequest(server.url, 'GET', `/updates/${INSTALLER}`, { Range: 'bytes=0-9, 20-29' });
    expect(several.status).toBe(200);
    expect(several.body.length).toBe(installer.length);
  });

  it('reaches nothing outside the folder, no hidden or unpublished files, nothing too big', async () => {
    const paths = [
      '/updates/../secret.yml',
      '/updates/..%2fsecret.yml',
      '/updates/%2e%2e%2fsecret.yml',
      '/updates/%2e%2e/secret.yml',
      '/updates/..%5csecret.yml',
      '/updates/sub/inner.exe',
      '/updates/sub%2finner.exe',
      '/updates/link.yml',
      '/updates/.hidden.yml',
      '/updates/notes.txt',
      '/updates/folder.exe',
      '/updates/huge.zip',
      '/updates/',
      '/updates/missing.exe',
      '/updates/latest.yml%00.exe',
      '/updates/%E0%A4%A',
      `/updates/${'a'.repeat(300)}.exe`,
    ];
    for (const path of paths) {
      const response = await rawRequest(server.url, 'GET', path);
      // "../" written raw is resolved by the URL parser to /secret.yml: a static 404.
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body.toString()).not.toContain('outside the folder');
    }
  });

  it('is read-only: other methods are refused and change nothing', async () => {
    const before = folderFingerprint(updatesDir);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await rawRequest(server.url, method, `/updates/${INSTALLER}`);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
    expect(folderFingerprint(updatesDir)).toEqual(before);
  });

  it('is off on a server started without --updates-dir', async () => {
    const plain = await startTestServer();
    try {
      expect((await rawRequest(plain.url, 'GET', '/updates/latest.yml')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('feed file names and ranges', () => {
  it('accepts what electron-builder publishes and nothing else', () => {
    for (const name of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml', INSTALLER, `${INSTALLER}.blockmap`, 'a-0.2.0-mac-arm64.zip', 'a-0.2.0-linux-x86_64.AppImage', 'a_0.2.0_amd64.deb']) {
      expect(updateFileName(`/updates/${encodeURIComponent(name)}`)).toBe(name);
    }
    for (const name of ['', '.yml', 'a/b.yml', 'a\\b.yml', '..yml', 'a..b.exe', 'config.json', 'latest.yml\0']) {
      expect(updateFileName(`/updates/${encodeURIComponent(name)}`)).toBeNull();
    }
  });

  it('reads single ranges and ignores what it does not support', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=9-3', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-1,3-4', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=-', 100)).toBeNull();
  });
});
