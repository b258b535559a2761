// Owns running the desktop app from a checkout: Electron on the project folder, its exit mirrored.
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export interface ElectronExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Where Ctrl+C and service-manager stops arrive; `process` in the launcher. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

export interface RunElectronOptions {
  readonly spawn: (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  readonly binary: string;
  readonly projectRoot: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signals: SignalSource;
}

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Inherited from some tools, it would make the binary behave as plain Node and ignore the app.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...rest } = env;
  return rest;
}

export function runElectron(options: RunElectronOptions): Promise<ElectronExit> {
  const child = options.spawn(options.binary, [options.projectRoot], {
    stdio: 'inherit',
    env: electronEnv(options.env),
    windowsHide: false,
  });
  // The terminal sends Ctrl+C to both of us; other senders (kill, systemd) only reach us.
  const forwarders = FORWARDED_SIGNALS.map((signal) => {
    const forward = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    options.signals.on(signal, forward);
    return { signal, forward };
  });
  const stopForwarding = () => {
    for (const { signal, forward } of forwarders) options.signals.off(signal, forward);
  };

  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve({ code, signal });
    });
  });
}
