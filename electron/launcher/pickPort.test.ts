import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree, pickPort } from './pickPort';

const HOST = '127.0.0.1';
let occupant: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (occupant ? occupant.close(() => resolve()) : resolve()));
  occupant = undefined;
});

async function occupyAPort(): Promise<number> {
  occupant = createServer();
  await new Promise<void>((resolve) => occupant?.listen(0, HOST, resolve));
  return (occupant.address() as AddressInfo).port;
}

describe('pickPort', () => {
  it('keeps the preferred port when nothing listens on it', async () => {
    const port = await occupyAPort();
    await new Promise<void>((resolve) => occupant?.close(() => resolve()));
    occupant = undefined;
    expect(await isPortFree(port, HOST)).toBe(true);
    expect(await pickPort(port, HOST)).toBe(port);
  });

  it('falls back to an OS-chosen port when the preferred one is taken', async () => {
    const port = await occupyAPort();
    expect(await isPortFree(port, HOST)).toBe(false);
    expect(await pickPort(port, HOST)).toBe(0);
  });
});
