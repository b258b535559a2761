// Owns start at login: registers the app with the OS (or removes it) when IT's managed
// configuration fixes the setting; otherwise leaves whatever the user chose alone.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of Electron's app that registers login items (macOS and Windows only). */
export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

export interface StartAtLoginOptions {
  readonly platform: NodeJS.Platform;
  /** Only an installed app registers itself; a checkout would register the bare Electron binary. */
  readonly packaged: boolean;
  /** The effective setting, and whether IT fixed it (only then does the app touch the OS). */
  readonly startAtLogin: boolean;
  readonly locked: boolean;
  readonly app: LoginItemApp;
  /** Linux has no login-item API: the XDG autostart folder (~/.config/autostart) and what to run. */
  readonly linux: { readonly autostartDir: string; readonly executable: string };
}

export type StartAtLoginOutcome =
  | { readonly kind: 'applied'; readonly openAtLogin: boolean }
  | { readonly kind: 'skipped'; readonly reason: string }
  /** Not worth stopping the inbox for: it works, it just will not start by itself. */
  | { readonly kind: 'failed'; readonly reason: string };

export const AUTOSTART_FILE_NAME = 'front-desk-inbox.desktop';

/** The XDG autostart folder: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart. */
export function xdgAutostartDir(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME?.trim();
  return join(configHome ? configHome : join(homeDir, '.config'), 'autostart');
}

/** Quotes a path for a desktop entry's Exec key (the spec's rules for reserved characters). */
function execArgument(path: string): string {
  return `"${path.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Front Desk Inbox',
    'Comment=Client messages for the front desk',
    `Exec=${execArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function applyStartAtLogin(options: StartAtLoginOptions): StartAtLoginOutcome {
  if (!options.locked) return { kind: 'skipped', reason: 'not set in the managed configuration' };
  if (!options.packaged) return { kind: 'skipped', reason: 'a development build is never registered to start at login' };
  const openAtLogin = options.startAtLogin;
  try {
    if (options.platform === 'linux') {
      const file = join(options.linux.autostartDir, AUTOSTART_FILE_NAME);
      if (openAtLogin) {
        mkdirSync(options.linux.autostartDir, { recursive: true });
        writeFileSync(file, autostartEntry(options.linux.executable));
      } else {
        rmSync(file, { force: true });
      }
    } else {
      options.app.setLoginItemSettings({ openAtLogin });
    }
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  return { kind: 'applied', openAtLogin };
}

export function describeStartAtLogin(outcome: StartAtLoginOutcome): string {
  if (outcome.kind === 'applied') return `Start at login turned ${outcome.openAtLogin ? 'on' : 'off'}, as IT configured.`;
  if (outcome.kind === 'failed') return `Could not apply IT's start-at-login setting: ${outcome.reason}`;
  return `Start at login left as it is: ${outcome.reason}.`;
}
