import { describe, expect, it } from 'vitest';
import { invokeChannels, sendChannels, type UpdateStatus } from '../../shared/ipc';
import { DEFAULT_NOTIFICATION_PREFS } from '../../shared/profile';
import { registerDesktopIpc, type InvokeHandlers, type IpcMainLike, type IpcSenderEvent } from './ipc';
import { DEFAULT_SETTINGS } from './managedConfig';
import { appOrigins } from './origins';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly invokeListeners = new Map<string, Listener>();
  readonly sendListeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    this.invokeListeners.set(channel, listener);
  }
  on(channel: string, listener: Listener) {
    this.sendListeners.set(channel, listener);
  }
  async invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.invokeListeners.get(channel);
    if (!listener) throw new Error(`nothing handles ${channel}`);
    return listener(frameOf(frameUrl), ...args);
  }
  send(channel: string, frameUrl: string | null, ...args: unknown[]): void {
    const listener = this.sendListeners.get(channel);
    if (!listener) throw new Error(`nothing listens on ${channel}`);
    listener(frameOf(frameUrl), ...args);
  }
}

const UPDATES_OFF: UpdateStatus = {
  state: 'off',
  offReason: 'not-installed',
  currentVersion: '0.1.0',
  version: null,
  percent: null,
  feedUrl: null,
  checkedAt: null,
  waitingReplies: 0,
  installRequested: false,
  problem: null,
};
const updateAndSupportHandlers = {
  'desktop:update-status': () => UPDATES_OFF,
  'desktop:update-check': () => UPDATES_OFF,
  'desktop:update-install': () => UPDATES_OFF,
  'desktop:open-logs': () => null,
  'desktop:copy-diagnostics': () => 'Front Desk Inbox diagnostics',
} satisfies Partial<InvokeHandlers>;

const noopInvoke: InvokeHandlers = {
  ...updateAndSupportHandlers,
  'desktop:server-url': () => '',
  'desktop:pref-read': () => null,
  'desktop:pref-write': () => null,
  'desktop:managed-config': () => ({ settings: DEFAULT_SETTINGS, locked: [], problem: null }),
  'desktop:notification-test': () => ({ outcome: 'shown', advice: 'A test notification was sent.' }),
  'desktop:choose-setting': () => ({ settings: DEFAULT_SETTINGS, locked: [], problem: null }),
};

const frameOf = (url: string | null): IpcSenderEvent => ({ senderFrame: url === null ? null : { url } });
const APP_PAGE = 'app://inbox/index.html';
const notificationContext = { locationId: 1, conversationOpen: false, locked: false, prefs: DEFAULT_NOTIFICATION_PREFS };

function setup() {
  const ipcMain = new FakeIpcMain();
  const calls: unknown[][] = [];
  const logs: string[] = [];
  const prefs = new Map<string, unknown>([['inbox.sort', 'newest']]);
  registerDesktopIpc({
    ipcMain,
    origins: appOrigins(undefined),
    invoke: {
      ...updateAndSupportHandlers,
      'desktop:server-url': () => 'http://127.0.0.1:4780',
      'desktop:pref-read': (key) => prefs.get(key),
      'desktop:pref-write': (key, value) => {
        if (value === 'boom') throw new Error('The preference "x" is too large to save.');
        prefs.set(key, value);
        return null;
      },
      'desktop:managed-config': () => ({ settings: DEFAULT_SETTINGS, locked: ['startAtLogin'], problem: null }),
      'desktop:notification-test': () => ({ outcome: 'blocked', advice: 'Allow notifications.' }),
      'desktop:choose-setting': (key, value) => ({ settings: { ...DEFAULT_SETTINGS, [key]: value }, locked: [], problem: null }),
    },
    send: {
      'desktop:notify': (notification) => calls.push(['notify', notification]),
      'desktop:badge': (count) => calls.push(['badge', count]),
    },
    log: (message) => logs.push(message),
  });
  return { ipcMain, calls, logs, prefs };
}

describe('desktop IPC', () => {
  it('registers every channel of the shared channel map, each the right way', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.invokeListeners.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    expect([...ipcMain.sendListeners.keys()].sort()).toEqual(Object.keys(sendChannels).sort());
  });

  it('answers invokes from the app page with parsed arguments', async () => {
    const { ipcMain, prefs } = setup();
    expect(await ipcMain.invoke('desktop:server-url', APP_PAGE)).toBe('http://127.0.0.1:4780');
    expect(await ipcMain.invoke('desktop:pref-read', APP_PAGE, 'inbox.sort')).toBe('newest');
    expect(await ipcMain.invoke('desktop:pref-write', APP_PAGE, 'inbox.sort', 'unread')).toBeNull();
    expect(await ipcMain.invoke('desktop:managed-config', APP_PAGE)).toMatchObject({ locked: ['startAtLogin'], problem: null });
    expect(await ipcMain.invoke('desktop:notification-test', APP_PAGE)).toEqual({ outcome: 'blocked', advice: 'Allow notifications.' });
    expect(await ipcMain.invoke('desktop:choose-setting', APP_PAGE, 'startMinimized', true)).toMatchObject({ settings: { startMinimized: true } });
    await expect(ipcMain.invoke('desktop:choose-setting', APP_PAGE, 'serverUrl', 'https://evil.example')).rejects.toThrow(/Invalid arguments/);
    expect(prefs.get('inbox.sort')).toBe('unread');
  });

  it('rejects invokes with bad arguments, clearly, without calling the handler', async () => {
    const { ipcMain, prefs } = setup();
    await expect(ipcMain.invoke('desktop:pref-read', APP_PAGE, '../../etc/passwd')).rejects.toThrow(
      /^Invalid arguments for desktop:pref-read: 0: /,
    );
    await expect(ipcMain.invoke('desktop:pref-read', APP_PAGE)).rejects.toThrow(/Invalid arguments/);
    await expect(ipcMain.invoke('desktop:server-url', APP_PAGE, 'extra')).rejects.toThrow(/Invalid arguments/);
    await expect(ipcMain.invoke('desktop:pref-write', APP_PAGE, 42, 'x')).rejects.toThrow(/Invalid arguments/);
    expect([...prefs.keys()]).toEqual(['inbox.sort']);
  });

  it('passes a handler’s own refusal back to the page', async () => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke('desktop:pref-write', APP_PAGE, 'draft', 'boom')).rejects.toThrow('too large to save');
  });

  it('refuses invokes from any other origin or a vanished frame', async () => {
    const { ipcMain, logs } = setup();
    for (const frame of ['https://evil.example/', 'http://localhost:5173/', 'file:///tmp/x.html', null]) {
      await expect(ipcMain.invoke('desktop:server-url', frame)).rejects.toThrow('This page may not use the desktop bridge.');
    }
    expect(logs[0]).toBe('Refused desktop:server-url from https://evil.example/.');
    expect(logs[3]).toBe('Refused desktop:server-url from a closed frame.');
  });

  it('accepts the dev server when running under electron-vite dev', async () => {
    const ipcMain = new FakeIpcMain();
    registerDesktopIpc({
      ipcMain,
      origins: appOrigins('http://localhost:5173/'),
      invoke: { ...noopInvoke, 'desktop:server-url': () => 'x' },
      send: { 'desktop:notify': () => {}, 'desktop:badge': () => {} },
    });
    expect(await ipcMain.invoke('desktop:server-url', 'http://localhost:5173/index.html')).toBe('x');
  });

  it('delivers valid fire-and-forget messages from the app page', () => {
    const { ipcMain, calls } = setup();
    const notification = { conversationId: 3, title: 'Ada', body: 'Running late', ...notificationContext };
    ipcMain.send('desktop:notify', APP_PAGE, notification);
    ipcMain.send('desktop:badge', APP_PAGE, 5);
    expect(calls).toEqual([
      ['notify', notification],
      ['badge', 5],
    ]);
  });

  it('ignores and logs bad or foreign fire-and-forget messages, never throwing', () => {
    const { ipcMain, calls, logs } = setup();
    ipcMain.send('desktop:badge', APP_PAGE, -1);
    ipcMain.send('desktop:badge', APP_PAGE, 'lots');
    ipcMain.send('desktop:notify', APP_PAGE, { conversationId: 3, title: 'x'.repeat(201), body: '', ...notificationContext });
    ipcMain.send('desktop:badge', 'https://evil.example/', 1);
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(4);
    expect(logs[0]).toMatch(/^Ignored desktop:badge with invalid arguments: 0: /);
    expect(logs[3]).toBe('Refused desktop:badge from https://evil.example/.');
  });

  it('keeps running when a fire-and-forget handler throws', () => {
    const ipcMain = new FakeIpcMain();
    const logs: string[] = [];
    registerDesktopIpc({
      ipcMain,
      origins: appOrigins(undefined),
      invoke: { ...noopInvoke, 'desktop:server-url': () => 'x' },
      send: {
        'desktop:notify': () => {
          throw new Error('notification service unavailable');
        },
        'desktop:badge': () => {},
      },
      log: (message) => logs.push(message),
    });
    expect(() => ipcMain.send('desktop:notify', APP_PAGE, { conversationId: 1, title: 't', body: 'b', ...notificationContext })).not.toThrow();
    expect(logs).toEqual(['desktop:notify failed: notification service unavailable']);
  });
});
