// Bad input over sockets gets a clear error, changes nothing, and never stops the server.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ok } from '../../shared/result';
import { createMemoryLogger } from '../log';
import { ask, connectSocket, data, startTestServer, type TestServer } from '../testing/testServer';
import { registerRequest, type RequestSocket } from './request';

describe('staff requests with bad input', () => {
  let t: TestServer;
  let priya: Socket;
  let conversationId: number;
  const historyLength = async () => data(await ask(priya, 'message:list', { conversationId, limit: 100 })).items.length;

  // A fresh server for each test: a dropped connection or a stored message must not reach another.
  beforeEach(async () => {
    t = await startTestServer();
    priya = await t.connectStaff('priya');
    conversationId = t.demo.conversations.ava!;
  });
  afterEach(() => t.close());

  it.each([
    ['a wrong type', 'conversation:list', { limit: 'ten' }, 'limit'],
    ['an out-of-range limit', 'conversation:list', { limit: 1000 }, 'limit'],
    ['a negative id', 'conversation:get', { conversationId: -1 }, 'conversationId'],
    ['a missing field', 'message:send', { conversationId: 1, senderMessageId: randomUUID() }, 'text'],
    ['a sender message id that is not a UUID', 'message:send', { conversationId: 1, senderMessageId: 'abc', text: 'hi' }, 'senderMessageId'],
    ['a message over 4000 characters', 'message:send', { conversationId: 1, senderMessageId: randomUUID(), text: 'x'.repeat(4001) }, 'text'],
    ['a string instead of an object', 'conversation:read', 'conversation 1', ''],
    ['null', 'typing:update', null, ''],
    ['no payload at all', 'session:get', undefined, ''],
  ] as const)('refuses %s with bad_request', async (_label, event, payload, path) => {
    const before = await historyLength();
    const result = payload === undefined ? await priya.timeout(5000).emitWithAck(event) : await ask(priya, event, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'The request is not valid.' } });
    expect((result as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(path);
    expect(await historyLength()).toBe(before);
  });

  it('refuses a message with neither text nor attachments, saying what is missing', async () => {
    const before = await historyLength();
    const result = await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: '   ' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Write a message or attach a file.', details: [{ path: 'text', message: 'Write a message or attach a file.' }] },
    });
    expect(await historyLength()).toBe(before);
  });

  it('says how long a message may be', async () => {
    const result = await ask(priya, 'message:send', { conversationId, senderMessageId: randomUUID(), text: 'x'.repeat(4001) });
    expect(result).toMatchObject({ ok: false, error: { details: [{ message: 'A message can be at most 4000 characters.' }] } });
  });

  it('does nothing for a request without an ack callback, and keeps serving', async () => {
    const before = await historyLength();
    priya.emit('message:send', { conversationId, senderMessageId: randomUUID(), text: 'Nobody will hear back' });
    expect((await ask(priya, 'session:get', {})).ok).toBe(true);
    expect(await historyLength()).toBe(before);
    expect(t.log.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('without an ack') }));
  });

  it('answers an unknown event with bad_request', async () => {
    expect(await priya.timeout(5000).emitWithAck('settings:delete-everything', {})).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Unknown event "settings:delete-everything".' },
    });
  });

  it('drops a connection that sends an oversized packet, and keeps serving others', async () => {
    const reckless = await t.connectStaff('marcus');
    const dropped = new Promise<string>((resolve) => reckless.once('disconnect', resolve));
    reckless.emit('message:send', { conversationId, senderMessageId: randomUUID(), text: 'x'.repeat(200_000) }, () => {});
    expect(await dropped).toBe('transport close');
    expect((await ask(priya, 'session:get', {})).ok).toBe(true);
    const { token } = await t.signIn('marcus');
    expect((await ask(await connectSocket(t.url, { token }), 'session:get', {})).ok).toBe(true);
  });
});

describe('the request wrapper', () => {
  // A fresh server and log for each test: each counts the errors logged.
  let log: ReturnType<typeof createMemoryLogger>;
  let io: Server;
  let client: Socket;

  beforeEach(async () => {
    log = createMemoryLogger();
    io = new Server(createServer());
    io.on('connection', (socket) => {
      const register = (event: string, handler: Parameters<typeof registerRequest>[0]['handler']) =>
        registerRequest({ socket: socket as unknown as RequestSocket, event, schema: z.object({}), log, authorize: () => null, handler });
      register('throws', () => {
        throw new Error('secret internals at /srv/db.sqlite3');
      });
      register('rejects', () => Promise.reject(new Error('secret async internals')));
      register('push-fails', (_payload, afterAck) => {
        afterAck(() => {
          throw new Error('push failed');
        });
        return ok({ fine: true });
      });
      register('answers', () => ok({ alive: true }));
    });
    const httpServer = io.httpServer;
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    client = await connectSocket(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { token: 'unused' });
  });
  afterEach(async () => {
    client.close();
    await io.close();
  });

  it('turns a thrown error into `internal` without internals, logs it, and keeps serving', async () => {
    for (const event of ['throws', 'rejects']) {
      const result = await client.timeout(5000).emitWithAck(event, {});
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server. Please try again.' } });
      expect(JSON.stringify(result)).not.toContain('secret');
    }
    expect(log.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
    expect(await client.timeout(5000).emitWithAck('answers', {})).toEqual({ ok: true, data: { alive: true } });
  });

  it('acks once even when a push after the ack fails', async () => {
    expect(await client.timeout(5000).emitWithAck('push-fails', {})).toEqual({ ok: true, data: { fine: true } });
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('Push after') }));
  });
});
