// Owns the choice `npm start` makes: the Electron app if its binary is installed, else the browser.
import { join } from 'node:path';

export type LaunchMode =
  | { readonly kind: 'electron'; readonly binary: string }
  | { readonly kind: 'browser'; readonly reason: string };

/** Read-only file access, so the decision is testable without touching node_modules. */
export interface InstalledFiles {
  /** The file's text, or null when it does not exist. */
  readText(path: string): string | null;
  exists(path: string): boolean;
}

/**
 * Mirrors how node_modules/electron/index.js finds the binary (path.txt names it inside dist/,
 * ELECTRON_OVERRIDE_DIST_PATH replaces dist/) without requiring that module, which would try to
 * download Electron when the binary is missing.
 */
export function chooseLaunchMode(
  electronPackageDir: string,
  files: InstalledFiles,
  env: Readonly<Record<string, string | undefined>>,
): LaunchMode {
  const relativeBinary = files.readText(join(electronPackageDir, 'path.txt'))?.trim();
  const overrideDistDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDistDir) {
    const binary = join(overrideDistDir, relativeBinary || 'electron');
    return files.exists(binary) ? { kind: 'electron', binary } : { kind: 'browser', reason: `${binary} does not exist.` };
  }
  if (!relativeBinary) {
    return { kind: 'browser', reason: 'node_modules/electron/path.txt is missing: the binary was never installed.' };
  }
  const binary = join(electronPackageDir, 'dist', relativeBinary);
  if (!files.exists(binary)) return { kind: 'browser', reason: `${binary} does not exist.` };
  return { kind: 'electron', binary };
}

export const BROWSER_MODE_NOTICE =
  'Electron is not available on this machine (its binary could not be downloaded), so the inbox is served to your browser instead.';
