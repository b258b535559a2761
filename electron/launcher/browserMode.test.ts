import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTENING_LINE_PREFIX } from '../../shared/http';
import { browserModeArgs, browserModeReadyLine, startBrowserMode } from './browserMode';

let projectRoot: string;
beforeAll(() => {
  projectRoot = mkdtempSync(join(tmpdir(), 'inbox-browser-mode-'));
});
afterAll(() => rmSync(projectRoot, { recursive: true, force: true }));

describe('browser mode', () => {
  it('runs the demo salon from the project’s data folder on this computer only', () => {
    expect(browserModeArgs('/repo', 4780)).toEqual([
      '--host',
      '127.0.0.1',
      '--port',
      '4780',
      '--data-dir',
      join('/repo', 'data'),
      '--demo',
      '--static-dir',
      join('/repo', 'out', 'renderer'),
    ]);
  });

  it('starts the real server in-process, which answers its health check, and stops it', async () => {
    const printed: string[] = [];
    const server = await startBrowserMode({
      projectRoot,
      port: 0,
      env: {},
      print: (line) => printed.push(line),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(printed).toContain(`${LISTENING_LINE_PREFIX}${server.url}`);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('refuses a bad INBOX_* setting with the server’s own message', async () => {
    await expect(
      startBrowserMode({ projectRoot, port: 0, env: { INBOX_SESSION_TTL_HOURS: 'forever' }, print: () => {} }),
    ).rejects.toThrow(/INBOX_SESSION_TTL_HOURS/);
  });

  it('tells the user where to go', () => {
    expect(browserModeReadyLine('http://127.0.0.1:4780')).toBe(
      'Open http://127.0.0.1:4780 in your browser. Demo sign-ins are in the README.',
    );
  });
});
