// Owns the embedded inbox server: starts it as a child process, learns its URL, stops it on quit.
import { createInterface } from 'node:readline';
import { SHUTDOWN_REQUEST } from '../../server/shutdown';
import { DEFAULT_PORT, LISTENING_LINE_PREFIX } from '../../shared/http';

/** What we use of a forked process; Electron's UtilityProcess fits (wrap a Node ChildProcess's send). */
export interface ServerChild {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Delivers a message to the child (process.parentPort in a utility process). */
  postMessage(message: unknown): void;
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
  /** An empty database: `setup` waits for the app's first-run screen (installed builds: a real
   * business must not start with the demo's published passwords); `demo` seeds the demo salon
   * (running from the repository, `npm start`). */
  readonly firstRun: 'setup' | 'demo';
  /** Extra origins the server must accept, e.g. the dev server under `electron-vite dev`. */
  readonly allowOrigins?: readonly string[];
  /** Where it listens; by default on this computer only, on a free port. */
  readonly listen?: ListenAddress;
  readonly startTimeoutMs?: number;
  /** How long the server gets to shut down cleanly once asked, before it is killed. */
  readonly stopTimeoutMs?: number;
  /** How long to wait for the process to go once killed, before leaving it to the OS. */
  readonly killTimeoutMs?: number;
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

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Only this computer, on a port the OS picks (so a busy 4780 never blocks startup), unless IT
 * lets the salon's other computers connect: then every interface, on a port they can rely on.
 */
export function embeddedListenAddress(settings: { allowLanConnections: boolean; port: number | null }): ListenAddress {
  if (settings.allowLanConnections) return { host: '0.0.0.0', port: settings.port ?? DEFAULT_PORT };
  return { host: '127.0.0.1', port: settings.port ?? 0 };
}

export function embeddedServerArgs(
  options: Pick<EmbeddedServerOptions, 'dataDir' | 'staticDir' | 'firstRun' | 'allowOrigins' | 'listen'>,
): string[] {
  const { host, port } = options.listen ?? embeddedListenAddress({ allowLanConnections: false, port: null });
  return [
    '--host',
    host,
    '--port',
    String(port),
    '--data-dir',
    options.dataDir,
    options.firstRun === 'setup' ? '--setup' : '--demo',
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
  const { startTimeoutMs = 20_000, stopTimeoutMs = 5_000, killTimeoutMs = 2_000, log = () => {} } = options;
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

    const exitsWithin = async (ms: number): Promise<boolean> => {
      let timeout: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((done) => (timeout = setTimeout(() => done(false), ms)));
      const result = await Promise.race([exitedPromise.then(() => true), timedOut]);
      clearTimeout(timeout);
      return result;
    };

    // Asked by message first: on Windows kill() terminates the process on the spot, which would
    // cut off open requests and leave the SQLite WAL unfolded.
    const stop = async (): Promise<void> => {
      stopping = true;
      if (exited) return;
      try {
        child.postMessage(SHUTDOWN_REQUEST);
      } catch (error) {
        log(`Could not ask the inbox server to stop: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (await exitsWithin(stopTimeoutMs)) return;
      log(`The inbox server did not stop within ${stopTimeoutMs} ms of being asked; stopping it.`);
      child.kill();
      if (await exitsWithin(killTimeoutMs)) return;
      log(`The inbox server did not exit within ${killTimeoutMs} ms of being stopped; leaving it to the OS.`);
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
