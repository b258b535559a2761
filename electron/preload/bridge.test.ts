import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL } from '../../shared/bridge';
import { invokeChannels, pushChannels, sendChannels } from '../../shared/ipc';
import { bridgeGlobal, createDesktopBridge, type RendererIpc } from './bridge';

type PushListener = (event: unknown, ...args: unknown[]) => void;

class FakeRendererIpc implements RendererIpc {
  readonly invoked: unknown[][] = [];
  readonly sent: unknown[][] = [];
  readonly listeners = new Map<string, Set<PushListener>>();
  answers = new Map<string, unknown>();

  invoke(channel: string, ...args: unknown[]) {
    this.invoked.push([channel, ...args]);
    return Promise.resolve(this.answers.get(channel));
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  on(channel: string, listener: PushListener) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  }
  removeListener(channel: string, listener: PushListener) {
    this.listeners.get(channel)?.delete(listener);
  }
  push(channel: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, ...args);
  }
}

describe('preload desktop bridge', () => {
  it('is exposed under the shared global name', () => {
    expect(bridgeGlobal).toBe(BRIDGE_GLOBAL);
  });

  it('asks main for the server URL and preferences on the shared invoke channels', async () => {
    const ipc = new FakeRendererIpc();
    ipc.answers.set('desktop:server-url', 'http://127.0.0.1:4780');
    ipc.answers.set('desktop:pref-read', { unreadOnly: true });
    const bridge = createDesktopBridge(ipc);

    expect(bridge.kind).toBe('electron');
    expect(await bridge.serverUrl()).toBe('http://127.0.0.1:4780');
    expect(await bridge.readPref('inbox.filter')).toEqual({ unreadOnly: true });
    expect(await bridge.writePref('inbox.filter', { unreadOnly: false })).toBeUndefined();
    expect(ipc.invoked).toEqual([
      ['desktop:server-url'],
      ['desktop:pref-read', 'inbox.filter'],
      ['desktop:pref-write', 'inbox.filter', { unreadOnly: false }],
    ]);
    for (const [channel] of ipc.invoked) expect(Object.keys(invokeChannels)).toContain(channel);
  });

  it('asks main for the managed configuration and the notifications self-check', async () => {
    const ipc = new FakeRendererIpc();
    const view = { settings: { autoLockMinutes: 3 }, locked: ['autoLockMinutes'], problem: null };
    ipc.answers.set('desktop:managed-config', view);
    ipc.answers.set('desktop:notification-test', { outcome: 'shown', advice: 'ok' });
    const bridge = createDesktopBridge(ipc);
    expect(await bridge.managedConfig()).toEqual(view);
    expect(await bridge.testNotification()).toEqual({ outcome: 'shown', advice: 'ok' });
    expect(ipc.invoked).toEqual([['desktop:managed-config'], ['desktop:notification-test']]);
    for (const [channel] of ipc.invoked) expect(Object.keys(invokeChannels)).toContain(channel);
  });

  it('fails clearly if main answers the server URL with something else', async () => {
    const bridge = createDesktopBridge(new FakeRendererIpc());
    await expect(bridge.serverUrl()).rejects.toThrow('The desktop app did not report the inbox server address.');
  });

  it('sends notifications (known fields only) and the badge count', () => {
    const ipc = new FakeRendererIpc();
    const bridge = createDesktopBridge(ipc);
    const prefs = { desktop: true, sound: false, showPreview: true, mutedLocationIds: [2], quietHours: null };
    const known = { conversationId: 4, locationId: 1, title: 'Ada', body: 'Hi', conversationOpen: false, locked: false };
    bridge.notify({ ...known, prefs: { ...prefs, extra: 'not for main' }, extra: 'not for main' } as never);
    bridge.setBadgeCount(2);
    expect(ipc.sent).toEqual([
      ['desktop:notify', { ...known, prefs }],
      ['desktop:badge', 2],
    ]);
    for (const [channel] of ipc.sent) expect(Object.keys(sendChannels)).toContain(channel);
  });

  it('delivers notification clicks without the IPC event, until unsubscribed', () => {
    const ipc = new FakeRendererIpc();
    const bridge = createDesktopBridge(ipc);
    const clicks: unknown[][] = [];
    const unsubscribe = bridge.onNotificationClick((...args) => clicks.push(args));
    const [channel] = Object.keys(pushChannels);
    expect(channel).toBe('desktop:notification-click');

    ipc.push('desktop:notification-click', 12);
    ipc.push('desktop:notification-click', 'not an id');
    unsubscribe();
    ipc.push('desktop:notification-click', 13);

    expect(clicks).toEqual([[12]]);
    expect(ipc.listeners.get('desktop:notification-click')?.size).toBe(0);
  });
});

describe('preload desktop bridge: updates and support', () => {
  it('uses the shared channels and hands the page only the status from pushes', async () => {
    const ipc = new FakeRendererIpc();
    const status = { state: 'ready', version: '0.2.0' };
    for (const channel of ['desktop:update-status', 'desktop:update-check', 'desktop:update-install']) ipc.answers.set(channel, status);
    ipc.answers.set('desktop:copy-diagnostics', 'Front Desk Inbox diagnostics');
    const bridge = createDesktopBridge(ipc);

    expect(await bridge.updateStatus()).toEqual(status);
    expect(await bridge.checkForUpdates()).toEqual(status);
    expect(await bridge.installUpdate()).toEqual(status);
    expect(await bridge.openLogsFolder()).toBeUndefined();
    expect(await bridge.copyDiagnostics()).toBe('Front Desk Inbox diagnostics');
    expect(ipc.invoked.map(([channel]) => channel)).toEqual([
      'desktop:update-status',
      'desktop:update-check',
      'desktop:update-install',
      'desktop:open-logs',
      'desktop:copy-diagnostics',
    ]);
    for (const [channel] of ipc.invoked) expect(Object.keys(invokeChannels)).toContain(channel);

    const received: unknown[][] = [];
    const unsubscribe = bridge.onUpdateStatus((...args) => received.push(args));
    expect(Object.keys(pushChannels)).toContain('desktop:update-status');
    ipc.push('desktop:update-status', status);
    ipc.push('desktop:update-status', 'not a status');
    unsubscribe();
    ipc.push('desktop:update-status', status);
    expect(received).toEqual([[status]]);
  });
});
