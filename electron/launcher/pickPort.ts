// Owns choosing the browser-mode server's port: the usual one if free, else any free one.
import { createServer } from 'node:net';

export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * A second checkout or an old server still running should not stop `npm start`. Port 0 lets
 * the OS pick; the server prints the URL it got.
 */
export async function pickPort(preferred: number, host: string): Promise<number> {
  return (await isPortFree(preferred, host)) ? preferred : 0;
}
