// Wires electron-updater to the update controller in the packaged app: created only where it can
// work (an installed app whose IT has not turned updates off), logging to the app's log file.
import electronUpdater, { type Logger } from 'electron-updater';
import type { ManagedSettings, UpdateStatus } from '../../shared/ipc';
import type { AppLogger } from './logFiles';
import type { PrefsStore } from './prefsStore';
import { electronUpdaterPort } from './updaterPort';
import { createUpdateController, type UpdateController } from './updates';
import { countWaitingReplies } from './waitingReplies';

export interface DesktopUpdatesOptions {
  readonly packaged: boolean;
  readonly settings: Pick<ManagedSettings, 'autoUpdate' | 'updateUrl'>;
  readonly serverUrl: string;
  readonly version: string;
  readonly prefs: Pick<PrefsStore, 'keys' | 'get'>;
  readonly logger: AppLogger;
  /** Pushes a new status to the window. */
  readonly send: (status: UpdateStatus) => void;
}

export function createDesktopUpdates(options: DesktopUpdatesOptions): UpdateController {
  const { logger } = options;
  const updaterLogger: Logger = {
    info: (message?: unknown) => logger.info(`[updater] ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`[updater] ${String(message)}`),
    // electron-updater appends whole responses and stacks; the first line says what failed.
    error: (message?: unknown) => logger.error(`[updater] ${String(message).split('\n')[0] ?? ''}`),
  };
  return createUpdateController({
    // Reading autoUpdater creates the platform's updater, so only when it will be used.
    updater: options.packaged && options.settings.autoUpdate ? electronUpdaterPort(electronUpdater.autoUpdater, updaterLogger) : null,
    settings: options.settings,
    serverUrl: options.serverUrl,
    currentVersion: options.version,
    countWaitingReplies: () => countWaitingReplies(options.prefs),
    now: () => Date.now(),
    timers: {
      setInterval: (callback, milliseconds) => setInterval(callback, milliseconds).unref(),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    log: (message) => logger.info(message),
    onStatus: options.send,
  });
}
