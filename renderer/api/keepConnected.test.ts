// keepConnected against a real socket.io server that goes away and comes back.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { keepConnected } from './keepConnected';

let http: HttpServer | null = null;
let ioServer: Server | null = null;

function listen(port = 0): Promise<number> {
  http = createServer();
  ioServer = new Server(http);
  return new Promise((resolve) => http!.listen(port, '127.0.0.1', () => resolve((http!.address() as AddressInfo).port)));
}

async function stopServer(): Promise<void> {
  await ioServer?.close();
  ioServer = null;
  http = null;
}

/** A client whose own retries wait 30 s: within a test, only an immediate retry reconnects. */
const clientOf = (port: number) =>
  io(`http://127.0.0.1:${port}`, { autoConnect: false, transports: ['websocket'], reconnectionDelay: 30_000, reconnectionDelayMax: 30_000, randomizationFactor: 0 });

const connected = (socket: Socket) => new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once('connect', () => resolve())));
const disconnected = (socket: Socket) => new Promise<void>((resolve) => (socket.connected ? socket.once('disconnect', () => resolve()) : resolve()));
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), ms))]);

afterEach(async () => {
  await stopServer();
});

describe('keepConnected', () => {
  it('retries at once when the browser says the network is back, instead of waiting out the backoff', async () => {
    const port = await listen();
    const socket = clientOf(port);
    const nudges = new EventTarget();
    const release = keepConnected(socket, () => {}, nudges);
    try {
      await connected(socket);
      const dropped = disconnected(socket);
      await stopServer();
      await dropped;
      await listen(port);
      expect(await within(connected(socket), 1_500)).toBe('timed out');
      nudges.dispatchEvent(new Event('online'));
      expect(await within(connected(socket), 5_000)).toBeUndefined();
    } finally {
      release();
    }
  });

  it('does nothing on focus while connected, and stops listening once released', async () => {
    const port = await listen();
    const socket = clientOf(port);
    const nudges = new EventTarget();
    const release = keepConnected(socket, () => {}, nudges);
    try {
      await connected(socket);
      const id = socket.id;
      nudges.dispatchEvent(new Event('focus'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(socket.connected).toBe(true);
      expect(socket.id).toBe(id);
    } finally {
      release();
    }
    expect(socket.connected).toBe(false);
    nudges.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.connected).toBe(false);
  });
});
