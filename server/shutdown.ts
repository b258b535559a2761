// The ways the stand-alone server is asked to stop: SIGINT/SIGTERM from a terminal or service
// manager, or a message from the app that started it. Windows has no catchable SIGTERM, and an
// Electron utility process there is killed outright, so the desktop app asks by message first.

/** What a parent process posts to ask the server to shut down cleanly. */
export const SHUTDOWN_REQUEST = { type: 'shutdown' } as const;

export function isShutdownRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === SHUTDOWN_REQUEST.type;
}

/** Electron's process.parentPort inside a utility process; its messages arrive as `{ data }`. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The parts of Node's process the server listens on; `parentPort` exists only under Electron. */
export interface ShutdownSources {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  /** Present when started by child_process.fork (an IPC channel exists). */
  readonly send?: unknown;
  readonly parentPort?: ParentPortLike;
}

/**
 * Calls `onRequest` once, with what asked, for the first shutdown request from any source;
 * later ones are ignored so a second Ctrl+C cannot interrupt the clean shutdown.
 */
export function onShutdownRequest(sources: ShutdownSources, onRequest: (reason: string) => void): void {
  let requested = false;
  const request = (reason: string) => {
    if (requested) return;
    requested = true;
    onRequest(reason);
  };
  sources.on('SIGINT', () => request('SIGINT'));
  sources.on('SIGTERM', () => request('SIGTERM'));
  sources.parentPort?.on('message', (event) => {
    if (isShutdownRequest(event.data)) request('shutdown message from the desktop app');
  });
  // Only listen when a parent can talk: a 'message' listener keeps the IPC channel open.
  if (sources.send !== undefined) {
    sources.on('message', (message) => {
      if (isShutdownRequest(message)) request('shutdown message from the parent process');
    });
  }
}
