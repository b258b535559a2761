// Owns the embedded inbox server: starts it as a child process, learns its URL, stops it on quit.
import { createInterface } from 'node:readline';
import { LISTENING_LINE_PREFIX } from '../../shared/http';

/** What we use of a forked process; Electron's UtilityProcess and Node's ChildProcess both fit. */
export interface ServerChild {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
}

/** Starts `modulePath` with `args` as a separate process with piped stdout and stderr. */
export type ForkServer = (modulePath: string, args: readonly string[]) => ServerChild;

export interface EmbeddedServerOptions {
  readonly fork: ForkServer;
  /** The built server entry, out/main/server.js. */
  readonly serverScript: string;
  /** Where the server keeps its SQLite database and attachments. */
  readonly dataDir: string;
  /** The built renderer (out/renderer), which the server serves to browsers (the client page). */
  readonly staticDir: string;
  /** Extra origins the server must accept, e.g. the dev server under `electron-vite dev`. */
  readonly allowOrigins?: readonly string[];
  readonly startTimeoutMs?: number;
  readonly stopTimeoutMs?: number;
  /** Receives every line the server prints, for the main process log. */
  readonly log?: (line: string) => void;
  /** Called if the server exits while the app still needs it. */
  readonly onUnexpectedExit?: (code: number | null) => void;
}

export interface EmbeddedServer {
  readonly url: string;
  /** Asks the server to shut down and waits for it (at most stopTimeoutMs). */
  stop(): Promise<void>;
}

/** Lines kept to explain a failed start; the server's own error is usually among the last. */
const RECENT_LINES_KEPT = 8;
const OUTPUT_DRAIN_MS = 500;

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms).unref());

export function embeddedServerArgs(
  options: Pick<EmbeddedServerOptions, 'dataDir' | 'staticDir' | 'allowOrigins'>,
): string[] {
  return [
    // Port 0: the OS picks a free port, so a second install or a busy 4780 never blocks startup.
    '--port',
    '0',
    '--data-dir',
    options.dataDir,
    '--demo',
    '--static-dir',
    options.staticDir,
    ...(options.allowOrigins ?? []).flatMap((origin) => ['--allow-origin', origin]),
  ];
}

/** The server's base URL from its "listening" line, or null for any other line. */
export function parseListeningLine(line: string): string | null {
  const start = line.indexOf(LISTENING_LINE_PREFIX);
  if (start === -1) return null;
  const candidate = line.slice(start + LISTENING_LINE_PREFIX.length).trim().split(/\s/)[0] ?? '';
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { startTimeoutMs = 20_000, stopTimeoutMs = 5_000, log = () => {} } = options;
  const child = options.fork(options.serverScript, embeddedServerArgs(options));
  const recentLines: string[] = [];
  let exited = false;
  let stopping = false;
  const exitedPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });

  return new Promise<EmbeddedServer>((resolve, reject) => {
    let ready = false;
    const fail = (message: string) => {
      clearTimeout(timer);
      const recent = recentLines.length > 0 ? `\n\nLast output:\n${recentLines.join('\n')}` : '';
      reject(new Error(message + recent));
    };
    const timer = setTimeout(() => {
      fail(`The inbox server did not start within ${Math.round(startTimeoutMs / 1000)} seconds.`);
      child.kill();
    }, startTimeoutMs);

    const stop = async (): Promise<void> => {
      stopping = true;
      if (exited) return;
      child.kill();
      let timeout: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((done) => {
        timeout = setTimeout(() => {
          log(`The inbox server did not stop within ${stopTimeoutMs} ms; leaving it to the OS.`);
          done();
        }, stopTimeoutMs);
      });
      await Promise.race([exitedPromise, gaveUp]);
      clearTimeout(timeout);
    };

    const onLine = (line: string) => {
      log(line);
      recentLines.push(line);
      if (recentLines.length > RECENT_LINES_KEPT) recentLines.shift();
      const url = ready ? null : parseListeningLine(line);
      if (url === null) return;
      ready = true;
      clearTimeout(timer);
      resolve({ url, stop });
    };
    const outputClosed: Promise<void>[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', onLine);
      outputClosed.push(new Promise((done) => lines.once('close', done)));
    }

    void exitedPromise.then(async (code) => {
      if (ready) {
        if (!stopping) options.onUnexpectedExit?.(code);
        return;
      }
      // 'exit' can arrive before the last output; read it so the error shows the server's reason.
      await Promise.race([Promise.all(outputClosed), delay(OUTPUT_DRAIN_MS)]);
      fail(`The inbox server stopped before it was ready (exit code ${code ?? 'unknown'}).`);
    });
  });
}

/** The parts of Electron's app that quitting involves. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** Holds the app's quit until the server has shut down, so SQLite is closed cleanly. */
export function stopServerOnQuit(app: QuittingApp, server: EmbeddedServer): void {
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void server.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
