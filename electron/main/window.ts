// Owns the inbox window: locked-down webPreferences, navigation and new-window guards, permissions.
import { isAppUrl } from './origins';

export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The parts of Electron's WebContents the guards use. */
export interface GuardedWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/** The parts of Electron's BrowserWindow the app uses. */
export interface InboxWindow {
  readonly webContents: GuardedWebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  show(): void;
  hide(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
}

/** Electron's security checklist, in one place: the renderer is a web page and nothing more. */
export function mainWindowOptions(preloadPath: string) {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Front Desk Inbox',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // Closed to the tray the page is hidden, yet its socket, notifications and auto-lock timer
      // must keep working on time; Chromium would otherwise throttle a hidden page's timers.
      backgroundThrottling: false,
    },
  } as const;
}

export function isNavigationAllowed(url: string, origins: ReadonlySet<string>): boolean {
  return isAppUrl(url, origins);
}

/** A link the window may hand to the system browser (web pages only), or null to just drop it. */
export function externalLinkFor(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Notifications, plus the local-network permissions Chromium asks for before a page talks to
 * 127.0.0.1 or the salon's network, which is where the inbox server lives. Nothing else.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

export function isPermissionAllowed(permission: string, requestingUrl: string, origins: ReadonlySet<string>): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, origins);
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

export function applyPermissionPolicy(session: PermissionSession, origins: ReadonlySet<string>): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origins));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origins),
  );
}

export function guardWebContents(
  webContents: GuardedWebContents,
  origins: ReadonlySet<string>,
  openExternal: (url: string) => void,
): void {
  const stayInApp = (event: NavigationEvent) => {
    if (!isNavigationAllowed(event.url, origins)) event.preventDefault();
  };
  webContents.on('will-navigate', stayInApp);
  webContents.on('will-redirect', stayInApp);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    // Links in messages open in the user's browser, never in a window with our preload.
    const external = externalLinkFor(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
}

export interface MainWindowOptions<W extends InboxWindow> {
  readonly createWindow: (options: ReturnType<typeof mainWindowOptions>) => W;
  readonly preloadPath: string;
  /** app://inbox/index.html, or the dev server's URL under `electron-vite dev`. */
  readonly startUrl: string;
  readonly origins: ReadonlySet<string>;
  readonly openExternal: (url: string) => void;
  /** Whether closing the window should only hide it, so notifications keep arriving. */
  readonly hideOnClose: () => boolean;
  /** Start minimised: the page loads (so notifications work) but only the tray shows. */
  readonly startHidden?: boolean;
}

export function createMainWindow<W extends InboxWindow>(options: MainWindowOptions<W>): W {
  const window = options.createWindow(mainWindowOptions(options.preloadPath));
  guardWebContents(window.webContents, options.origins, options.openExternal);
  if (!options.startHidden) window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (!options.hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });
  window.loadURL(options.startUrl).catch((error: unknown) => {
    // Electron shows its own error page; the log says why.
    console.error(`The inbox page ${options.startUrl} did not load:`, error);
  });
  return window;
}

/** Brings the window to the front, e.g. for a notification click or a second launch. */
export function revealWindow(window: InboxWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
