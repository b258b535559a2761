// The update flow's rules with a scripted updater: when it looks, what it shows, and that a
// downloaded update never installs while replies wait. updates.electronUpdater.test.ts runs the
// same controller over the real electron-updater and a real feed.
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/ipc';
import { createUpdateController, describeUpdateError, UPDATE_CHECK_INTERVAL_MS, updateFeedUrl, type UpdaterEvent, type UpdaterPort } from './updates';

class ScriptedUpdater implements UpdaterPort {
  feed: string | null = null;
  checks = 0;
  installOnQuit: boolean | null = null;
  installs = 0;
  private listener: ((event: UpdaterEvent) => void) | null = null;
  setFeed(url: string) {
    this.feed = url;
  }
  check() {
    this.checks += 1;
    this.emit({ type: 'checking' });
    return Promise.resolve();
  }
  setInstallOnQuit(allowed: boolean) {
    this.installOnQuit = allowed;
  }
  quitAndInstall() {
    this.installs += 1;
  }
  onEvent(listener: (event: UpdaterEvent) => void) {
    this.listener = listener;
  }
  emit(event: UpdaterEvent) {
    this.listener?.(event);
  }
}

function setup(overrides: { autoUpdate?: boolean; updateUrl?: string | null; installed?: boolean } = {}) {
  const updater = new ScriptedUpdater();
  const intervals: { callback: () => void; milliseconds: number }[] = [];
  const statuses: UpdateStatus[] = [];
  const logs: string[] = [];
  const outbox = { waiting: 0 };
  const controller = createUpdateController({
    updater: overrides.installed === false ? null : updater,
    settings: { autoUpdate: overrides.autoUpdate ?? true, updateUrl: overrides.updateUrl ?? null },
    serverUrl: 'https://inbox.salon.example',
    currentVersion: '0.1.0',
    countWaitingReplies: () => outbox.waiting,
    now: () => 1_000,
    timers: {
      setInterval: (callback, milliseconds) => intervals.push({ callback, milliseconds }),
      clearInterval: () => intervals.splice(0),
    },
    log: (message) => logs.push(message),
    onStatus: (status) => statuses.push(status),
  });
  return { updater, intervals, statuses, logs, outbox, controller };
}

/** Found, downloaded, ready: what electron-updater reports for a new version. */
function downloadVersion(updater: ScriptedUpdater, version = '0.2.0') {
  updater.emit({ type: 'available', version });
  updater.emit({ type: 'progress', percent: 42.4 });
  updater.emit({ type: 'downloaded', version });
}

describe('the update feed address', () => {
  it('is the inbox server’s /updates/ unless IT set updateUrl', () => {
    expect(updateFeedUrl({ updateUrl: null }, 'https://inbox.salon.example')).toBe('https://inbox.salon.example/updates/');
    expect(updateFeedUrl({ updateUrl: null }, 'http://127.0.0.1:4780')).toBe('http://127.0.0.1:4780/updates/');
    expect(updateFeedUrl({ updateUrl: 'https://files.salon.example/inbox' }, 'https://x.example')).toBe('https://files.salon.example/inbox/');
  });
});

describe('the update controller', () => {
  it('looks at start and every few hours, from the server’s feed', () => {
    const { updater, intervals, controller, statuses } = setup();
    controller.start();
    expect(updater.feed).toBe('https://inbox.salon.example/updates/');
    expect(updater.installOnQuit).toBe(true);
    expect(updater.checks).toBe(1);
    expect(intervals).toEqual([{ callback: expect.any(Function), milliseconds: UPDATE_CHECK_INTERVAL_MS }]);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(4 * 60 * 60 * 1000);
    updater.emit({ type: 'not-available' });
    expect(statuses.at(-1)).toMatchObject({ state: 'up-to-date', checkedAt: 1_000, feedUrl: 'https://inbox.salon.example/updates/' });

    intervals[0]?.callback();
    expect(updater.checks).toBe(2);
    controller.stop();
    expect(intervals).toEqual([]);
  });

  it('downloads in the background and shows progress, then is ready', () => {
    const { updater, controller, statuses } = setup();
    controller.start();
    updater.emit({ type: 'available', version: '0.2.0' });
    expect(controller.status()).toMatchObject({ state: 'downloading', version: '0.2.0', percent: 0 });
    updater.emit({ type: 'progress', percent: 42.4 });
    expect(controller.status().percent).toBe(42);
    updater.emit({ type: 'downloaded', version: '0.2.0' });
    expect(controller.status()).toMatchObject({ state: 'ready', version: '0.2.0', percent: 100, installRequested: false });
    expect(statuses.map((status) => status.state)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    // Nothing more to look for until it is installed.
    controller.checkNow();
    expect(updater.checks).toBe(1);
  });

  it('installs on quit only when no reply is waiting to be sent', () => {
    const { updater, controller, outbox, logs } = setup();
    controller.start();
    downloadVersion(updater);

    outbox.waiting = 2;
    controller.beforeQuit();
    expect(updater.installOnQuit).toBe(false);
    expect(logs.at(-1)).toBe('Not installing version 0.2.0 on quit: 2 replies are waiting to be sent.');

    outbox.waiting = 0;
    controller.beforeQuit();
    expect(updater.installOnQuit).toBe(true);
    expect(updater.installs).toBe(0);
  });

  it('"Restart to update" waits for the outbox, says so, then restarts by itself', () => {
    const { updater, controller, outbox } = setup();
    controller.start();
    downloadVersion(updater);
    outbox.waiting = 3;

    expect(controller.requestInstall()).toMatchObject({ state: 'ready', installRequested: true, waitingReplies: 3 });
    expect(updater.installs).toBe(0);

    outbox.waiting = 1;
    controller.repliesChanged();
    expect(controller.status().waitingReplies).toBe(1);
    expect(updater.installs).toBe(0);

    outbox.waiting = 0;
    controller.repliesChanged();
    expect(updater.installs).toBe(1);
  });

  it('"Restart to update" with an empty outbox restarts at once; before a download it does nothing', () => {
    const { updater, controller } = setup();
    controller.start();
    expect(controller.requestInstall()).toMatchObject({ state: 'checking', installRequested: false });
    expect(updater.installs).toBe(0);
    downloadVersion(updater);
    controller.requestInstall();
    expect(updater.installs).toBe(1);
  });

  it('is off, and never looks, when IT turned automatic updates off', () => {
    const { updater, intervals, controller, logs } = setup({ autoUpdate: false });
    controller.start();
    controller.checkNow();
    expect(updater.feed).toBeNull();
    expect(updater.checks).toBe(0);
    expect(intervals).toEqual([]);
    expect(controller.status()).toMatchObject({ state: 'off', offReason: 'managed', feedUrl: null });
    expect(logs).toEqual(['Automatic updates are turned off by IT.']);
  });

  it('is off in an app not installed from an installer', () => {
    const { controller } = setup({ installed: false });
    controller.start();
    expect(controller.status()).toMatchObject({ state: 'off', offReason: 'not-installed' });
  });

  it('uses IT’s update address when set', () => {
    const { updater, controller } = setup({ updateUrl: 'https://files.salon.example/inbox/' });
    controller.start();
    expect(updater.feed).toBe('https://files.salon.example/inbox/');
  });

  it('treats a feed with nothing published as no updates, and a refused download as an error with nothing to install', () => {
    const { updater, controller, outbox } = setup();
    controller.start();
    updater.emit({ type: 'error', code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', message: 'Cannot find channel "latest.yml"' });
    expect(controller.status()).toMatchObject({ state: 'no-feed', problem: null });

    controller.checkNow();
    updater.emit({ type: 'available', version: '0.2.0' });
    updater.emit({ type: 'error', code: 'ERR_CHECKSUM_MISMATCH', message: 'sha512 checksum mismatch' });
    expect(controller.status()).toMatchObject({ state: 'error', version: null, problem: describeUpdateError('ERR_CHECKSUM_MISMATCH') });
    expect(controller.status().problem).toContain('refused and not installed');
    outbox.waiting = 0;
    controller.requestInstall();
    controller.beforeQuit();
    expect(updater.installs).toBe(0);
  });
});
