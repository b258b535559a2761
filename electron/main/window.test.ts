import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { appOrigins } from './origins';
import {
  applyPermissionPolicy,
  createMainWindow,
  externalLinkFor,
  isNavigationAllowed,
  isPermissionAllowed,
  mainWindowOptions,
  revealWindow,
  type GuardedWebContents,
  type InboxWindow,
  type NavigationEvent,
  type PermissionSession,
} from './window';

const origins = appOrigins(undefined);

class FakeEvent implements NavigationEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault() {
    this.prevented = true;
  }
}

class FakeWebContents extends EventEmitter implements GuardedWebContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
}

class FakeWindow extends EventEmitter implements InboxWindow {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  visible = false;
  focused = false;
  minimized = false;
  constructor(readonly options: ReturnType<typeof mainWindowOptions>) {
    super();
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
}

function openWindow(overrides: { hideOnClose?: () => boolean; startHidden?: boolean } = {}) {
  const opened: string[] = [];
  const window = createMainWindow({
    createWindow: (options) => new FakeWindow(options),
    preloadPath: '/app/out/preload/index.cjs',
    startUrl: 'app://inbox/index.html',
    origins,
    openExternal: (url) => opened.push(url),
    hideOnClose: overrides.hideOnClose ?? (() => false),
    startHidden: overrides.startHidden,
  });
  return { window, opened };
}

describe('mainWindowOptions', () => {
  it('locks the renderer down per the Electron security checklist', () => {
    expect(mainWindowOptions('/p/index.cjs').webPreferences).toMatchObject({
      preload: '/p/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps a window hidden in the tray running at full speed, so notifications keep coming', () => {
    expect(mainWindowOptions('/p/index.cjs').webPreferences.backgroundThrottling).toBe(false);
  });
});

describe('guards', () => {
  it('allows navigation only within the app', () => {
    expect(isNavigationAllowed('app://inbox/index.html#/conversations/3', origins)).toBe(true);
    expect(isNavigationAllowed('https://evil.example/', origins)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', origins)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/', origins)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/', appOrigins('http://localhost:5173'))).toBe(true);
  });

  it('hands only web links to the system browser', () => {
    expect(externalLinkFor('https://salon.example/booking')).toBe('https://salon.example/booking');
    expect(externalLinkFor('http://salon.example')).toBe('http://salon.example/');
    expect(externalLinkFor('file:///C:/Windows/system32/calc.exe')).toBeNull();
    expect(externalLinkFor('smb://share/evil')).toBeNull();
    expect(externalLinkFor('javascript:alert(1)')).toBeNull();
    expect(externalLinkFor('nonsense')).toBeNull();
  });

  it('grants notifications and local-network access to the app, nothing else to anyone', () => {
    expect(isPermissionAllowed('notifications', 'app://inbox/index.html', origins)).toBe(true);
    expect(isPermissionAllowed('loopback-network', 'app://inbox', origins)).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', origins)).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'unknown']) {
      expect(isPermissionAllowed(permission, 'app://inbox/index.html', origins)).toBe(false);
    }
  });

  it('wires the permission policy into both session handlers', () => {
    let decided: boolean | undefined;
    let requestHandler: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let checkHandler: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    applyPermissionPolicy(
      {
        setPermissionRequestHandler: (handler) => (requestHandler = handler),
        setPermissionCheckHandler: (handler) => (checkHandler = handler),
      },
      origins,
    );
    requestHandler?.(null, 'media', (granted) => (decided = granted), { requestingUrl: 'app://inbox/' });
    expect(decided).toBe(false);
    requestHandler?.(null, 'notifications', (granted) => (decided = granted), { requestingUrl: 'app://inbox/' });
    expect(decided).toBe(true);
    expect(checkHandler?.(null, 'notifications', 'app://inbox')).toBe(true);
    expect(checkHandler?.(null, 'geolocation', 'app://inbox')).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('loads the inbox with the locked-down options and shows it when ready', () => {
    const { window } = openWindow();
    expect(window.loadedUrl).toBe('app://inbox/index.html');
    expect(window.options.webPreferences.preload).toBe('/app/out/preload/index.cjs');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('started minimised, loads the inbox (so notifications arrive) but stays in the tray until revealed', () => {
    const { window } = openWindow({ startHidden: true });
    expect(window.loadedUrl).toBe('app://inbox/index.html');
    window.emit('ready-to-show');
    expect(window.visible).toBe(false);
    revealWindow(window);
    expect([window.visible, window.focused]).toEqual([true, true]);
  });

  it('blocks navigation and redirects away from the app', () => {
    const { window } = openWindow();
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = new FakeEvent('https://evil.example/login');
      const inside = new FakeEvent('app://inbox/index.html');
      window.webContents.emit(event, away);
      window.webContents.emit(event, inside);
      expect([event, away.prevented, inside.prevented]).toEqual([event, true, false]);
    }
    const webview = new FakeEvent();
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('denies every new window, opening web links in the system browser', () => {
    const { window, opened } = openWindow();
    expect(window.webContents.openHandler?.({ url: 'https://salon.example/' })).toEqual({ action: 'deny' });
    expect(window.webContents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(window.webContents.openHandler?.({ url: 'app://inbox/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://salon.example/']);
  });

  it('hides instead of closing while the app keeps running, and closes when quitting', () => {
    let quitting = false;
    const { window } = openWindow({ hideOnClose: () => !quitting });
    window.show();
    const close = new FakeEvent();
    window.emit('close', close);
    expect([close.prevented, window.visible]).toEqual([true, false]);

    quitting = true;
    const finalClose = new FakeEvent();
    window.emit('close', finalClose);
    expect(finalClose.prevented).toBe(false);
  });

  it('reveals a minimised window', () => {
    const { window } = openWindow();
    window.minimized = true;
    revealWindow(window);
    expect([window.minimized, window.visible, window.focused]).toEqual([false, true, true]);
  });
});
