// Test helper: a real server on 127.0.0.1:0 over a temp SQLite file with the demo salon,
// a manual clock, and real socket.io-client connections.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { CLIENT_NAMESPACE, type ClientRequestName, type ClientRequestResult } from '../../shared/clientEvents';
import { routes, signInResponseSchema, type SignInResponse } from '../../shared/http';
import type { Result } from '../../shared/result';
import type { StaffRequestName, StaffRequestResult } from '../../shared/staffEvents';
import { createServer, type InboxServer, type ServerOptions } from '../app';
import { hashToken, newToken } from '../auth/tokens';
import { ManualClock } from '../clock';
import { parseConfig, type ServerConfig } from '../config';
import { migrate } from '../db/migrate';
import { closeDatabase, openDatabase } from '../db/open';
import { DEMO_MEMBERS, DEMO_PASSWORD, type DemoMemberKey } from '../demo/demoData';
import { demoPasswordHash, seedDemo, type DemoIds } from '../demo/seed';
import { createMemoryLogger } from '../log';
import { createRepositories, type Repositories } from '../repositories';
import { startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from './deliverySinks';

/** A fixed, realistic "now": Monday 2 March 2026, 09:00 UTC. */
export const TEST_START = Date.UTC(2026, 2, 2, 9, 0, 0);
export const TEST_INTEGRATION_KEY = 'test-integration-key-0123456789';

export type TestServer = {
  url: string;
  server: InboxServer;
  db: Database;
  repos: Repositories;
  clock: ManualClock;
  demo: DemoIds;
  log: ReturnType<typeof createMemoryLogger>;
  dir: string;
  /** Signs in a demo member, or any member by email (password: the demo password). */
  signIn(member: DemoMemberKey | { email: string; password?: string }): Promise<SignInResponse>;
  /** Signs the member in and connects a staff socket with the session. */
  connectStaff(member: DemoMemberKey | { email: string; password?: string }): Promise<Socket>;
  /** Adds a team member (password: the demo password) beyond the demo cast; returns their id. */
  addMember(member: { name: string; email: string; groupId: number | null; locationIds: number[] }): number;
  /** POSTs bytes to the upload route with a Bearer token; the name goes URI-encoded. */
  upload(token: string | null, bytes: Uint8Array, name?: string): Promise<Response>;
  /** GETs an attachment with a Bearer token. */
  download(token: string | null, attachmentId: number): Promise<Response>;
  /** Row counts and read/version state of every table a request could change. */
  fingerprint(): Record<string, string>;
  /** Issues a client token (as the integration API would) and connects to "/client". */
  connectClient(clientId: number): Promise<Socket>;
  issueClientToken(clientId: number): string;
  /** The email and text providers it sends to (real servers on 127.0.0.1), as a salon that set
   * both up; null where the overrides chose otherwise (e.g. `{ email: null }`: not set up). */
  sinks: { smtp: SmtpSink | null; sms: SmsSink | null };
  close(): Promise<void>;
};

/** Writes a minimal "built renderer" so static routes have something to serve. */
export function writeStaticFixture(dir: string): string {
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  mkdirSync(join(staticDir, 'client'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Inbox</title>');
  writeFileSync(join(staticDir, 'client', 'index.html'), '<!doctype html><title>Client</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(staticDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  return staticDir;
}

export function testConfig(dir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const outcome = parseConfig(['--port', '0', '--data-dir', dir, '--integration-key', TEST_INTEGRATION_KEY], {});
  if (outcome.kind !== 'config') throw new Error('test config did not parse');
  return { ...outcome.config, staticDir: join(dir, 'renderer'), ...overrides };
}

export function connectSocket(url: string, auth: { token: string }, namespace = ''): Promise<Socket> {
  const socket = connect(`${url}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, options: Pick<ServerOptions, 'hasher'> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-test-'));
  writeStaticFixture(dir);
  const smtp = 'email' in overrides ? null : await startSmtpSink();
  const sms = 'sms' in overrides ? null : await startSmsSink();
  const config = testConfig(dir, { ...(smtp ? { email: smtp.config } : {}), ...(sms ? { sms: sms.config } : {}), ...overrides });
  const db = openDatabase(config.databaseFile);
  migrate(db);
  const repos = createRepositories(db);
  const clock = new ManualClock(TEST_START);
  const demo = seedDemo(repos, clock.now());
  const log = createMemoryLogger();
  const server = createServer({ db, clock, config, log, ...options });
  const url = await server.listen();
  const sockets: Socket[] = [];

  const signIn = async (member: DemoMemberKey | { email: string; password?: string }) => {
    const email = typeof member === 'string' ? DEMO_MEMBERS[member].email : member.email;
    const password = typeof member === 'string' ? DEMO_PASSWORD : (member.password ?? DEMO_PASSWORD);
    const response = await fetch(`${url}${routes.signIn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return signInResponseSchema.parse(await response.json());
  };
  const issueClientToken = (clientId: number) => {
    const token = newToken();
    repos.clients.saveToken(clientId, hashToken(token), clock.now());
    return token;
  };
  const bearer = (token: string | null): Record<string, string> => (token === null ? {} : { authorization: `Bearer ${token}` });
  const track = (socket: Socket) => {
    sockets.push(socket);
    return socket;
  };

  return {
    url, server, db, repos, clock, demo, log, dir, signIn, issueClientToken, sinks: { smtp, sms },
    connectStaff: async (member) => track(await connectSocket(url, { token: (await signIn(member)).token })),
    connectClient: async (clientId) => track(await connectSocket(url, { token: issueClientToken(clientId) }, CLIENT_NAMESPACE)),
    addMember: ({ name, email, groupId, locationIds }) =>
      repos.team.createMember({ name, email, passwordHash: demoPasswordHash(), role: 'member', groupId }, clock.now(), locationIds),
    upload: (token, bytes, name = 'file.bin') =>
      requestOnce(`${url}${routes.attachments}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...bearer(token) },
        body: bytes,
      }),
    download: (token, attachmentId) => requestOnce(`${url}${routes.attachment(attachmentId)}`, { method: 'GET', headers: bearer(token) }),
    fingerprint: () => fingerprintOf(db),
    async close() {
      for (const socket of sockets) socket.close();
      await server.close();
      closeDatabase(db);
      await Promise.all([smtp?.close(), sms?.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One HTTP request on a connection of its own. Uploads are refused mid-body on purpose (too
 * large, too many); a pooled keep-alive connection the server then closes could be handed to
 * the next request, which would fail for a reason that has nothing to do with what it tests.
 */
export function requestOnce(target: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method: init.method, headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = res.statusCode ?? 0;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : Buffer.from(init.body));
  });
}

/** Sends a staff request and waits for its ack. The payload is deliberately untyped so tests
 * can send malformed ones. */
export function ask<K extends StaffRequestName>(socket: Socket, event: K, payload: unknown): Promise<Result<StaffRequestResult<K>>> {
  return socket.timeout(5_000).emitWithAck(event, payload) as Promise<Result<StaffRequestResult<K>>>;
}

export function askClient<K extends ClientRequestName>(socket: Socket, event: K, payload: unknown): Promise<Result<ClientRequestResult<K>>> {
  return socket.timeout(5_000).emitWithAck(event, payload) as Promise<Result<ClientRequestResult<K>>>;
}

/** Unwraps an ok result or fails the test with the error. */
export function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Records every payload of a push event. */
export function recordPushes<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Waits for the next push of an event. */
export function nextPush<T = unknown>(socket: Socket, event: string, timeoutMs = 3_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Round-trips a request on the socket: any push the server sent it before is delivered by
 * the time this resolves, because socket.io keeps one connection's packets in order. */
export async function flush(socket: Socket, namespace: 'staff' | 'client' = 'staff'): Promise<void> {
  await socket.timeout(5_000).emitWithAck(namespace === 'staff' ? 'session:get' : 'client:get', {});
}

/** Everything a refused request must leave as it was: row counts, read state and versions. */
export function fingerprintOf(db: Database): Record<string, string> {
  // Every table the schema has, so a new table is covered without anyone remembering to add it.
  const tables = db
    .prepare(`SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, tableFingerprint(db, table)]));
}

/** Row count and a hash of every row's content, in an order that does not depend on the plan. */
function tableFingerprint(db: Database, table: string): string {
  // A refused team change leaves its trace in the audit log on purpose; that row is not a change.
  const where = table === 'audit_log' ? " WHERE action <> 'team.refused'" : '';
  const rows = db.prepare(`SELECT * FROM "${table}"${where}`).raw().all() as unknown[][];
  const lines = rows
    .map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value)))
    .sort();
  return `${rows.length} rows, ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
}
