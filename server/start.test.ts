// startServer: the first workspace (demo or owner), the listening line, restarts, refusals.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthResponseSchema, LISTENING_LINE_PREFIX, routes, signInResponseSchema } from '../shared/http';
import { migrations } from './db/migrations';
import { closeDatabase, openDatabase } from './db/open';
import { DEMO_LOGINS } from './demo/demoData';
import { createMemoryLogger } from './log';
import { EmptyDatabaseError, startServer } from './start';
import { connectSocket, testConfig } from './testing/testServer';
import { NewerDatabaseError } from './db/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start(overrides: Parameters<typeof testConfig>[1] = {}) {
  const lines: string[] = [];
  const log = createMemoryLogger();
  const server = await startServer(testConfig(dir, overrides), { log, print: (line) => lines.push(line) });
  return { server, lines, log };
}

const signIn = (url: string, email: string, password: string) =>
  fetch(`${url}${routes.signIn}`, { method: 'POST', body: JSON.stringify({ email, password }) });

describe('startServer', () => {
  it('seeds the demo, prints sign-ins and client links, then the listening line', async () => {
    const { server, lines, log } = await start({ demo: true });
    try {
      expect(lines[lines.length - 1]).toBe(`${LISTENING_LINE_PREFIX}${server.url}`);
      expect(log.entries).toContainEqual({ level: 'info', message: 'Listening', fields: { url: server.url, host: '127.0.0.1', dataDir: dir } });
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      for (const login of DEMO_LOGINS) expect(lines.join('\n')).toContain(login.email);
      const clientLink = lines.find((line) => line.includes('/client/#token='));
      expect(clientLink).toContain(`${server.url}/client/#token=`);

      const health = await fetch(`${server.url}${routes.health}`);
      expect(health.status).toBe(200);
      expect(healthResponseSchema.parse(await health.json()).status).toBe('ok');
      const [login] = DEMO_LOGINS;
      const response = await signIn(server.url, login!.email, login!.password);
      expect(signInResponseSchema.parse(await response.json()).session.workspace.name).toBe('Lumen Hair Studio');
    } finally {
      await server.close();
    }
  });

  it('closes with sockets connected, keeps the data across restarts and never seeds twice', async () => {
    const first = await start({ demo: true });
    const [login] = DEMO_LOGINS;
    const { token } = signInResponseSchema.parse(await (await signIn(first.server.url, login!.email, login!.password)).json());
    const socket = await connectSocket(first.server.url, { token });
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    await first.server.close();
    // A transport close (not a server kick) makes socket.io clients reconnect on their own
    // once the server is back.
    expect(await disconnected).toBe('transport close');
    expect(existsSync(join(dir, 'inbox.sqlite3-wal'))).toBe(false);

    const second = await start({ demo: true });
    try {
      expect(second.lines).toEqual([`${LISTENING_LINE_PREFIX}${second.server.url}`]);
      expect((await signIn(second.server.url, login!.email, login!.password)).status).toBe(200);
    } finally {
      await second.server.close();
    }
  });

  it('refuses an empty database without --demo or an owner, creating nothing', async () => {
    await expect(start()).rejects.toThrow(EmptyDatabaseError);
    expect(existsSync(join(dir, 'inbox.sqlite3'))).toBe(false);
    // An existing file without a workspace (e.g. from an interrupted set-up) is refused too.
    closeDatabase(openDatabase(join(dir, 'inbox.sqlite3')));
    await expect(start()).rejects.toThrow(/--demo/);
  });

  it('creates the workspace owner from the environment settings', async () => {
    const owner = { email: 'owner@salon.example', name: 'Olga Owner', password: 'correct horse' };
    const { server } = await start({ owner, workspaceName: 'Salon Olga' });
    try {
      const response = await signIn(server.url, owner.email, owner.password);
      const { session } = signInResponseSchema.parse(await response.json());
      expect(session.member).toMatchObject({ name: 'Olga Owner', role: 'owner' });
      expect(session.workspace.name).toBe('Salon Olga');
    } finally {
      await server.close();
    }
  });

  it('refuses a database from a newer server', async () => {
    const db = openDatabase(join(dir, 'inbox.sqlite3'));
    db.pragma(`user_version = ${migrations.length + 1}`);
    closeDatabase(db);
    await expect(start({ demo: true })).rejects.toThrow(NewerDatabaseError);
  });

  it('reports a port that is already taken', async () => {
    const { server } = await start({ demo: true });
    try {
      const port = Number(new URL(server.url).port);
      await expect(start({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await server.close();
    }
  });
});
