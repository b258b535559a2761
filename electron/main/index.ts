// Wires real Electron to the main-process modules; the decisions live in those modules.
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  session,
  shell,
  Tray,
  utilityProcess,
} from 'electron';
import { SERVER_NODE_FLAGS, serverProcessEnv } from '../../server/processEnvironment';
import { DESKTOP_ORIGIN } from '../../shared/http';
import type { ManagedConfigView, PushChannel } from '../../shared/ipc';
import { appSchemePrivileges, handleAppProtocol } from './appProtocol';
import { APP_NAME, createUnreadBadge, trayTooltip, unreadDotBitmap, type UnreadBadge } from './badge';
import { resolveServerLocation, serverConfigErrorDialog } from './config';
import { chooseComputerSetting, withLocalChoices } from './computerSettings';
import { buildDiagnostics } from './diagnostics';
import { IpcRequestError, registerDesktopIpc } from './ipc';
import { openAppLogs, readLogTail } from './logFiles';
import { managedConfigProblemDialog, managedConfigView } from './managedConfig';
import { describeManagedSource, loadManagedSettings, runSystemCommand, type LoadedManagedSettings } from './managedSources';
import { checkNotifications } from './notificationCheck';
import { createNotificationCenter } from './notifications';
import { appOrigins, originOf } from './origins';
import { createPrefsStore } from './prefsStore';
import { embeddedListenAddress, startEmbeddedServer, stopServerOnQuit, type ForkServer } from './serverProcess';
import { applyStartAtLogin, describeStartAtLogin, xdgAutostartDir } from './startAtLogin';
import { setUpTray } from './tray';
import { createDesktopUpdates } from './desktopUpdates';
import { isOutboxKey } from './waitingReplies';
import { applyPermissionPolicy, createMainWindow, revealWindow } from './window';

const APP_USER_MODEL_ID = 'com.frontdeskinbox.app';
const NOTIFICATION_CLICK: PushChannel = 'desktop:notification-click';
const UPDATE_STATUS: PushChannel = 'desktop:update-status';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const paths = {
  preload: join(mainDir, '../preload/index.cjs'),
  renderer: join(mainDir, '../renderer'),
  serverScript: join(mainDir, 'server.js'),
  // Packaged: copied by electron-builder's extraResources; from a checkout: the source file.
  icon: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'build', 'icon.png'),
};

// Only a development build may load its page from a dev server; a packaged app ignores the
// variable so nobody can point the privileged window somewhere else.
const devRendererUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devOrigin = devRendererUrl ? originOf(devRendererUrl) : null;

// The app's and the embedded server's log files, in the data folder, for IT to send to support.
const logsDir = join(app.getPath('userData'), 'logs');
const { mainLogFile, serverLogFile, logger } = openAppLogs(logsDir);

// Long-lived objects Electron would otherwise garbage-collect (a collected tray disappears).
let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;

// better-sqlite3 ships N-API prebuilds, which load in Electron's utility process as they do in
// Node, so a checkout and a packaged app run the server the same way. The V8 heap flags are
// passed as Node's own command line; that Electron applies them there is not verified here
// (no Electron binary): if it does not, the server runs with V8's defaults, only bigger.
const forkServer: ForkServer = (modulePath, args) =>
  utilityProcess.fork(modulePath, [...args], {
    stdio: 'pipe',
    serviceName: `${APP_NAME} server`,
    env: serverProcessEnv(process.env, { embedded: true }),
    execArgv: [...SERVER_NODE_FLAGS],
  });

function failToStart(content: string): void {
  logger.error(`Cannot start: ${content}`);
  dialog.showErrorBox(`${APP_NAME} cannot start`, content);
  app.exit(1);
}

/** IT's settings (OS policy and file); an unusable source is reported but never stops the app. */
function readManagedConfig(): LoadedManagedSettings {
  const managed = loadManagedSettings({
    platform: process.platform,
    env: process.env,
    readText: (path) => readFileSync(path, 'utf8'),
    run: runSystemCommand,
  });
  for (const source of managed.sources) logger.info(describeManagedSource(source));
  if (managed.problem) {
    logger.error(managed.problem);
    const { title, message, detail } = managedConfigProblemDialog(managed.problem);
    void dialog.showMessageBox({ type: 'warning', title, message, detail });
  }
  return managed;
}

/** Registers (or unregisters) the app as a login item. IT's value is applied at every start; a
 * choice made in the app is applied when it is made. Otherwise the OS keeps what the user set. */
function applyStartAtLoginSetting(startAtLogin: boolean, decided: boolean): void {
  const outcome = applyStartAtLogin({
    platform: process.platform,
    packaged: app.isPackaged,
    startAtLogin,
    locked: decided,
    app,
    linux: {
      autostartDir: xdgAutostartDir(process.env, app.getPath('home')),
      // An AppImage runs from a temporary mount; APPIMAGE is the file the user actually has.
      executable: process.env.APPIMAGE ?? process.execPath,
    },
  });
  (outcome.kind === 'failed' ? logger.error : logger.info)(describeStartAtLogin(outcome));
  if (outcome.kind === 'failed') throw new Error(`Start at login could not be changed: ${outcome.reason}`);
}

/** Starts the built-in server and returns its URL; it is stopped before the app quits. */
async function startBuiltInServer(settings: ManagedConfigView): Promise<string> {
  const server = await startEmbeddedServer({
    fork: forkServer,
    serverScript: paths.serverScript,
    dataDir: join(app.getPath('userData'), 'data'),
    staticDir: paths.renderer,
    firstRun: app.isPackaged ? 'setup' : 'demo',
    allowOrigins: devOrigin ? [devOrigin] : [],
    listen: embeddedListenAddress(settings.settings),
    log: (line) => {
      serverLogFile.write(line);
      console.log(`[server] ${line}`);
    },
    onUnexpectedExit: (code) => {
      // While quitting (or at logout) the OS may stop it first; that is no reason to restart.
      if (quitting) return;
      dialog.showErrorBox(
        'The inbox server stopped',
        `The built-in inbox server stopped unexpectedly (exit code ${code ?? 'unknown'}). ${APP_NAME} will restart.`,
      );
      app.relaunch();
      app.exit(1);
    },
  });
  stopServerOnQuit(app, server);
  return server.url;
}

/** The tray icon, plus the unread badge whose count it also shows in its tooltip. */
function showTrayAndBadge(window: BrowserWindow, reveal: () => void): UnreadBadge {
  const appTray = new Tray(nativeImage.createFromPath(paths.icon).resize({ width: 16, height: 16 }));
  tray = appTray;
  setUpTray({
    tray: appTray,
    buildMenu: (items) => Menu.buildFromTemplate(items),
    tooltip: trayTooltip(0),
    onOpen: reveal,
    onQuit: () => app.quit(),
  });
  const unreadDot = nativeImage.createFromBitmap(unreadDotBitmap(16), { width: 16, height: 16 });
  return createUnreadBadge({
    platform: process.platform,
    setAppBadgeCount: (count) => app.setBadgeCount(count),
    setTaskbarOverlay: (unread, description) => window.setOverlayIcon(unread ? unreadDot : null, description),
    setTrayTooltip: (text) => appTray.setToolTip(text),
  });
}

async function start(): Promise<void> {
  await app.whenReady();

  const managed = readManagedConfig();
  const location = resolveServerLocation({ env: process.env, managed });
  if (!location.ok) {
    const { title, content } = serverConfigErrorDialog(location.problem);
    dialog.showErrorBox(title, content);
    app.exit(1);
    return;
  }
  const prefs = createPrefsStore(app.getPath('userData'));
  let desktopSettings = withLocalChoices(managedConfigView(managed, location.location), prefs);
  try {
    applyStartAtLoginSetting(desktopSettings.settings.startAtLogin, desktopSettings.locked.includes('startAtLogin'));
  } catch {
    // Logged above; the inbox works without it.
  }

  let serverUrl: string;
  try {
    serverUrl = location.location.kind === 'remote' ? location.location.url : await startBuiltInServer(desktopSettings);
  } catch (error) {
    failToStart(`The built-in inbox server could not start.\n\n${error instanceof Error ? error.message : String(error)}`);
    return;
  }

  handleAppProtocol(protocol, paths.renderer, serverUrl);
  const origins = appOrigins(devRendererUrl);
  applyPermissionPolicy(session.defaultSession, origins);

  const window = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath: paths.preload,
    startUrl: devRendererUrl ?? `${DESKTOP_ORIGIN}/index.html`,
    origins,
    openExternal: (url) => {
      shell.openExternal(url).catch((error: unknown) => logger.warn(`Could not open ${url}: ${error instanceof Error ? error.message : String(error)}`));
    },
    // Closing the window keeps the app in the tray so messages still notify; Quit really quits.
    hideOnClose: () => !quitting,
    startHidden: desktopSettings.settings.startMinimized,
  });
  mainWindow = window;
  const reveal = () => revealWindow(window);

  const notifications = createNotificationCenter({
    notifications: { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
    isWindowFocused: () => window.isFocused(),
    now: () => new Date(),
    revealWindow: reveal,
    openConversation: (conversationId) => window.webContents.send(NOTIFICATION_CLICK, conversationId),
    log: (message) => logger.warn(message),
  });

  const badge = showTrayAndBadge(window, reveal);

  const updates = createDesktopUpdates({
    packaged: app.isPackaged,
    settings: desktopSettings.settings,
    serverUrl,
    version: app.getVersion(),
    prefs,
    logger,
    send: (status) => {
      if (!window.isDestroyed()) window.webContents.send(UPDATE_STATUS, status);
    },
  });

  // Registered in the same tick the window starts loading, so no page script can call first.
  registerDesktopIpc({
    ipcMain,
    origins,
    invoke: {
      'desktop:server-url': () => serverUrl,
      'desktop:pref-read': (key) => prefs.get(key),
      'desktop:pref-write': (key, value) => {
        prefs.set(key, value);
        // An update waiting for the outbox goes ahead once the last reply is sent.
        if (isOutboxKey(key)) updates.repliesChanged();
        return null;
      },
      'desktop:managed-config': () => desktopSettings,
      'desktop:choose-setting': (key, value) => {
        try {
          desktopSettings = chooseComputerSetting(desktopSettings, key, value, {
            store: prefs,
            applyStartAtLogin: (openAtLogin) => applyStartAtLoginSetting(openAtLogin, true),
          });
        } catch (error) {
          throw new IpcRequestError(error instanceof Error ? error.message : String(error));
        }
        return desktopSettings;
      },
      'desktop:update-status': () => updates.status(),
      'desktop:update-check': () => updates.checkNow(),
      'desktop:update-install': () => updates.requestInstall(),
      'desktop:open-logs': async () => {
        const problem = await shell.openPath(logsDir);
        if (problem) throw new IpcRequestError(`The logs folder (${logsDir}) could not be opened: ${problem}`);
        return null;
      },
      'desktop:copy-diagnostics': () => {
        const text = buildDiagnostics({
          now: new Date(),
          appVersion: app.getVersion(),
          electronVersion: process.versions.electron ?? null,
          os: { platform: process.platform, release: release(), arch: process.arch },
          serverUrl,
          settings: desktopSettings,
          sources: managed.sources,
          updates: updates.status(),
          logsFolder: logsDir,
          logs: { main: readLogTail(mainLogFile.path), server: readLogTail(serverLogFile.path) },
        });
        clipboard.writeText(text);
        return text;
      },
      'desktop:notification-test': () =>
        checkNotifications({
          platform: process.platform,
          isSupported: () => Notification.isSupported(),
          create: (options) => new Notification(options),
          wait: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
        }),
    },
    send: {
      'desktop:notify': (notification) => {
        notifications.show(notification);
      },
      'desktop:badge': (count) => badge.setUnreadCount(count),
    },
    log: (message) => logger.warn(message),
  });

  updates.start();
  app.on('before-quit', () => {
    notifications.closeAll();
    updates.beforeQuit();
  });
}

if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
// Both must happen before `ready`.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

// One inbox per computer: a second launch brings the running one forward instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) revealWindow(mainWindow);
  });
  app.on('activate', () => {
    if (mainWindow) revealWindow(mainWindow);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // Windows can leave a dead tray icon behind until the mouse passes over it otherwise.
  app.on('quit', () => {
    tray?.destroy();
    tray = null;
  });
  start().catch((error: unknown) => {
    failToStart(error instanceof Error ? error.message : String(error));
  });
}
