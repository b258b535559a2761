// Adapts electron-updater's AppUpdater to the UpdaterPort the update controller drives: the
// generic provider (a plain folder of files on the salon's server), downloads in the
// background, and electron-updater's own sha512 check of every download before it may install.
import type { AppUpdater, Logger } from 'electron-updater';
import type { UpdaterEvent, UpdaterPort } from './updates';

const codeOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function electronUpdaterPort(updater: AppUpdater, logger: Logger): UpdaterPort {
  updater.logger = logger;
  updater.autoDownload = true;
  // Registers electron-updater's quit handler once a download is done; the controller turns
  // it off again just before a quit while replies are waiting.
  updater.autoInstallOnAppQuit = true;
  return {
    setFeed(url) {
      // One range per request: the salon's server answers single ranges, not multipart ones.
      updater.setFeedURL({ provider: 'generic', url, useMultipleRangeRequest: false });
    },
    async check() {
      const result = await updater.checkForUpdates();
      await result?.downloadPromise;
    },
    setInstallOnQuit(allowed) {
      updater.autoInstallOnAppQuit = allowed;
    },
    quitAndInstall() {
      // Silent (the reception computer's user may not be an administrator to answer questions),
      // and the new version starts once installed.
      updater.quitAndInstall(true, true);
    },
    onEvent(listener: (event: UpdaterEvent) => void) {
      updater.on('checking-for-update', () => listener({ type: 'checking' }));
      updater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      updater.on('update-not-available', () => listener({ type: 'not-available' }));
      updater.on('download-progress', (progress) => listener({ type: 'progress', percent: progress.percent }));
      updater.on('update-downloaded', (event) => listener({ type: 'downloaded', version: event.version }));
      updater.on('error', (error) => listener({ type: 'error', code: codeOf(error), message: messageOf(error) }));
    },
  };
}
