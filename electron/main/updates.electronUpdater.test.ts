// The update flow end to end under Node: the real electron-updater (its generic provider, its
// download and its sha512 verification, its install-on-quit handler) fetching from a real inbox
// server's /updates/ feed on 127.0.0.1, driven by our controller through electronUpdaterPort,
// with the outbox in a real preference store. Only Electron itself is replaced: the app adapter
// (version, folders, quit) and the installer step, which records instead of running a setup.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { BaseUpdater, type Logger } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { DownloadUpdateOptions } from 'electron-updater/out/AppUpdater';
import type { InstallOptions } from 'electron-updater/out/BaseUpdater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { findFile } from 'electron-updater/out/providers/Provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing/testServer';
import type { UpdateStatus } from '../../shared/ipc';
import { STAFF_OUTBOX_KEY_PREFIX } from '../../shared/offline/outbox';
import { createPrefsStore, type PrefsStore } from './prefsStore';
import { electronUpdaterPort } from './updaterPort';
import { createUpdateController, type UpdateController } from './updates';
import { countWaitingReplies } from './waitingReplies';

// electron-store (the preference store holding the outbox) asks Electron for its folders when
// it can; there is no Electron here, so it gets an empty stand-in and uses the folder we give.
vi.mock('electron', () => ({ default: {} }));

const NEW_VERSION = '0.2.0';
const PACKAGE = `front-desk-inbox-${NEW_VERSION}-linux-x64.zip`;

/** Electron's app, as electron-updater sees it, in a temp folder; quitting runs its quit handlers. */
class TestApp implements AppAdapter {
  readonly version = '0.1.0';
  readonly name = 'front-desk-inbox';
  readonly isPackaged = true;
  readonly quitHandlers: ((exitCode: number) => void)[] = [];
  quits = 0;
  constructor(private readonly folder: string) {}
  get appUpdateConfigPath() {
    return join(this.folder, 'app-update.yml');
  }
  get userDataPath() {
    return join(this.folder, 'userData');
  }
  get baseCachePath() {
    return join(this.folder, 'cache');
  }
  whenReady() {
    return Promise.resolve();
  }
  relaunch() {}
  quit() {
    this.quits += 1;
  }
  onQuit(handler: (exitCode: number) => void) {
    this.quitHandlers.push(handler);
  }
  /** The app exits normally: electron-updater's own handler decides whether to install. */
  exit() {
    for (const handler of this.quitHandlers) handler(0);
  }
}

/** electron-updater's own HTTP executor (its download, redirects, sha512 check) sending its
 * requests with node:http instead of Electron's `net`. */
class NodeNetHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): never {
    const outgoing: ClientRequest = request(options, callback);
    return outgoing as never;
  }
}

/** electron-updater's BaseUpdater over that executor, with an installer step that records
 * what it would run. */
class NodeUpdater extends BaseUpdater {
  readonly installs: InstallOptions[] = [];
  private readonly nodeHttp = new NodeNetHttpExecutor();
  constructor(readonly testApp: TestApp) {
    super(null, testApp);
    // Not part of the typings (it is internal): the client every provider and download uses.
    (this as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = this.nodeHttp;
  }
  protected doDownloadUpdate(options: DownloadUpdateOptions) {
    const { provider, info } = options.updateInfoAndProvider;
    const fileInfo = findFile(provider.resolveFiles(info), 'zip');
    if (!fileInfo) throw new Error('The feed lists no zip package.');
    return this.executeDownload({
      fileExtension: 'zip',
      fileInfo,
      downloadUpdateOptions: options,
      task: (destination, downloadOptions) => this.nodeHttp.download(fileInfo.url, destination, downloadOptions),
    });
  }
  protected doInstall(options: InstallOptions): boolean {
    this.installs.push(options);
    return true;
  }
  // BaseUpdater's version also emits on Electron's own autoUpdater, which Node has not.
  override quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    if (this.install(isSilent, isForceRunAfter)) this.testApp.quit();
  }
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** What electron-builder writes beside the package: latest-linux.yml (per CPU on non-x64). */
function publish(updatesDir: string, packageBytes: Buffer, listedHash: string): void {
  writeFileSync(join(updatesDir, PACKAGE), packageBytes);
  const yml = [
    `version: ${NEW_VERSION}`,
    'files:',
    `  - url: ${PACKAGE}`,
    `    sha512: ${listedHash}`,
    `    size: ${packageBytes.length}`,
    `path: ${PACKAGE}`,
    `sha512: ${listedHash}`,
    "releaseDate: '2026-03-01T09:00:00.000Z'",
    '',
  ].join('\n');
  for (const channel of ['latest-linux.yml', `latest-linux-${process.arch}.yml`]) writeFileSync(join(updatesDir, channel), yml);
}

const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

type Harness = {
  server: TestServer;
  app: TestApp;
  updater: NodeUpdater;
  prefs: PrefsStore;
  controller: UpdateController;
  /** Resolves with the first status the predicate accepts. */
  statusWhere(predicate: (status: UpdateStatus) => boolean): Promise<UpdateStatus>;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(options: { publishHash: 'correct' | 'tampered' | 'none'; autoUpdate?: boolean }): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'inbox-updater-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const updatesDir = join(folder, 'updates');
  mkdirSync(updatesDir);
  const packageBytes = randomBytes(200 * 1024);
  if (options.publishHash !== 'none') {
    publish(updatesDir, packageBytes, options.publishHash === 'correct' ? sha512(packageBytes) : sha512(randomBytes(16)));
  }
  const server = await startTestServer({ updatesDir });
  cleanups.push(() => server.close());

  const app = new TestApp(folder);
  // electron-builder writes this into the app's resources when `publish` is configured.
  writeFileSync(app.appUpdateConfigPath, 'provider: generic\nurl: http://127.0.0.1:4780/updates/\nupdaterCacheDirName: front-desk-inbox-updater\n');
  const updater = new NodeUpdater(app);
  const prefs = createPrefsStore(join(folder, 'userData'));
  const waiters: { predicate: (status: UpdateStatus) => boolean; resolve: (status: UpdateStatus) => void }[] = [];
  const controller = createUpdateController({
    updater: electronUpdaterPort(updater, quietLogger),
    settings: { autoUpdate: options.autoUpdate ?? true, updateUrl: null },
    serverUrl: server.url,
    currentVersion: app.version,
    countWaitingReplies: () => countWaitingReplies(prefs),
    now: () => Date.now(),
    timers: { setInterval: () => null, clearInterval: () => undefined },
    log: () => undefined,
    onStatus(status) {
      for (const waiter of waiters.filter((candidate) => candidate.predicate(status))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(status);
      }
    },
  });
  cleanups.push(() => controller.stop());
  const statusWhere = (predicate: (status: UpdateStatus) => boolean) =>
    predicate(controller.status()) ? Promise.resolve(controller.status()) : new Promise<UpdateStatus>((resolve) => waiters.push({ predicate, resolve }));
  return { server, app, updater, prefs, controller, statusWhere };
}

/** A member's outbox as the renderer stores it, with `pending` replies not yet sent. */
function storeOutbox(prefs: PrefsStore, memberId: number, pending: number): void {
  const entries = Array.from({ length: pending }, (_, index) => ({
    senderMessageId: `00000000-0000-4000-8000-00000000000${index}`,
    queue: 'c1',
    payload: { conversationId: 1, text: 'See you at 3pm', attachments: [] },
    createdAt: 1,
    state: 'pending',
    error: null,
  }));
  prefs.set(`${STAFF_OUTBOX_KEY_PREFIX}${memberId}`, entries);
}

describe('updates through the real electron-updater', () => {
  it('checks the server’s feed, downloads and verifies the update, and installs on quit once no reply waits', async () => {
    const { app, updater, prefs, controller, statusWhere } = await harness({ publishHash: 'correct' });
    storeOutbox(prefs, 7, 2);
    controller.start();
    const ready = await statusWhere((status) => status.state === 'ready' || status.state === 'error');
    expect(ready).toMatchObject({ state: 'ready', version: NEW_VERSION, waitingReplies: 2, problem: null });

    // Quitting with replies waiting: electron-updater's quit handler is told not to install.
    controller.beforeQuit();
    app.exit();
    expect(updater.installs).toEqual([]);

    // Once they are sent, the next quit installs, silently, without starting the app again.
    storeOutbox(prefs, 7, 0);
    controller.repliesChanged();
    controller.beforeQuit();
    app.exit();
    expect(updater.installs).toEqual([{ isSilent: true, isForceRunAfter: false, isAdminRightsRequired: false }]);
  });

  it('"Restart to update" waits for the outbox, then installs and quits by itself', async () => {
    const { app, updater, prefs, controller, statusWhere } = await harness({ publishHash: 'correct' });
    controller.start();
    await statusWhere((status) => status.state === 'ready');
    storeOutbox(prefs, 7, 1);
    storeOutbox(prefs, 9, 1);

    expect(controller.requestInstall()).toMatchObject({ installRequested: true, waitingReplies: 2 });
    expect(updater.installs).toEqual([]);
    storeOutbox(prefs, 7, 0);
    controller.repliesChanged();
    expect(updater.installs).toEqual([]);
    storeOutbox(prefs, 9, 0);
    controller.repliesChanged();
    expect(updater.installs).toEqual([{ isSilent: true, isForceRunAfter: true, isAdminRightsRequired: false }]);
    expect(app.quits).toBe(1);
  });

  it('refuses a download whose sha512 does not match the feed, and installs nothing', async () => {
    const { app, updater, controller, statusWhere } = await harness({ publishHash: 'tampered' });
    controller.start();
    const outcome = await statusWhere((status) => status.state === 'ready' || status.state === 'error');
    expect(outcome).toMatchObject({ state: 'error', version: null });
    expect(outcome.problem).toContain('did not match the checksum');

    controller.requestInstall();
    controller.beforeQuit();
    app.exit();
    expect(updater.installs).toEqual([]);
    expect(app.quits).toBe(0);
    // electron-updater registers its install-on-quit handler only after a verified download.
    expect(app.quitHandlers).toEqual([]);
    // Nothing refused is kept for a later install.
    const pending = join(app.baseCachePath, 'front-desk-inbox-updater', 'pending');
    expect(readdirSync(pending).filter((name) => !name.startsWith('temp-'))).toEqual([]);
  });

  it('says so when the server publishes no updates', async () => {
    const { controller, statusWhere } = await harness({ publishHash: 'none' });
    controller.start();
    expect(await statusWhere((status) => status.state === 'no-feed' || status.state === 'error')).toMatchObject({ state: 'no-feed', problem: null });
  });

  it('never asks the server when IT turned updates off', async () => {
    const { updater, controller } = await harness({ publishHash: 'correct', autoUpdate: false });
    let checked = false;
    updater.on('checking-for-update', () => {
      checked = true;
    });
    controller.start();
    controller.checkNow();
    expect(controller.status()).toMatchObject({ state: 'off', offReason: 'managed' });
    expect(checked).toBe(false);
  });
});
