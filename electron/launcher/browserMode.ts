// Owns browser mode: without Electron, the launcher runs the inbox server itself for a browser.
import { join } from 'node:path';
import { parseConfig } from '../../server/config';
import { startServer, type RunningServer, type StartOptions } from '../../server/start';

export const BROWSER_MODE_HOST = '127.0.0.1';

/** The embedded defaults: the demo salon in ./data, the built renderer, this computer only. */
export function browserModeArgs(projectRoot: string, port: number): string[] {
  return [
    '--host',
    BROWSER_MODE_HOST,
    '--port',
    String(port),
    '--data-dir',
    join(projectRoot, 'data'),
    '--demo',
    // Explicit, because the server's own default is relative to its bundle, not to launch.js.
    '--static-dir',
    join(projectRoot, 'out', 'renderer'),
  ];
}

export interface BrowserModeOptions {
  readonly projectRoot: string;
  readonly port: number;
  /** INBOX_* variables still apply to whatever the flags above leave open. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly print?: StartOptions['print'];
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningServer> {
  const outcome = parseConfig(browserModeArgs(options.projectRoot, options.port), options.env, options.projectRoot);
  if (outcome.kind !== 'config') {
    throw new Error(outcome.kind === 'error' ? outcome.message : 'Unexpected --help in browser mode.');
  }
  return startServer(outcome.config, options.print ? { print: options.print } : {});
}

export function browserModeReadyLine(url: string): string {
  return `Open ${url} in your browser. Demo sign-ins are in the README.`;
}
