// A TCP proxy on 127.0.0.1:0 for fault-injection tests: clients keep one address while the
// server behind it is killed and started again, and it can drop connections or swallow answers.
import { createConnection, createServer, type Server, type Socket as TcpSocket } from 'node:net';

export type ChaosProxy = ReturnType<typeof startChaosProxy>;

/** 127.0.0.1:0 in front of whichever server process is current; can drop connections. */
export function startChaosProxy(random: () => number) {
  let upstreamPort = 0;
  /** While set, the server's answers are swallowed: sends reach it, their acks never come back. */
  let losingAnswers = false;
  const pairs = new Set<[TcpSocket, TcpSocket]>();
  const server: Server = createServer((downstream) => {
    const upstream = createConnection({ host: '127.0.0.1', port: upstreamPort });
    const pair: [TcpSocket, TcpSocket] = [downstream, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      downstream.destroy();
      upstream.destroy();
    };
    downstream.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    downstream.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (!losingAnswers) downstream.write(chunk);
    });
  });
  const listening = new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return {
    listening,
    setUpstream: (port: number) => void (upstreamPort = port),
    loseAnswers: (losing: boolean) => void (losingAnswers = losing),
    /** Cuts about `share` of the open connections, abruptly. */
    dropRandom(share: number): number {
      let dropped = 0;
      for (const [downstream, upstream] of pairs) {
        if (random() < share) {
          downstream.destroy();
          upstream.destroy();
          dropped += 1;
        }
      }
      return dropped;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
