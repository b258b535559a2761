// Owns automatic updates: where they come from (the salon's own server, or IT's updateUrl), when
// to look (at start and every few hours), and when a downloaded update may be installed: on
// quit or at "Restart to update", but never while replies wait in the outbox to be sent (they
// would go out from a half-installed app, or not at all until someone starts it again). The
// updater itself is injected (updaterPort.ts adapts electron-updater), so this runs under Node.
import type { ManagedSettings, UpdateStatus } from '../../shared/ipc';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** What the updater reports; errors carry electron-updater's `code` when it has one. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; code: string | null; message: string };

/** The parts of an updater the controller drives. */
export interface UpdaterPort {
  /** Points the updater at a generic-provider feed (a folder URL holding latest*.yml). */
  setFeed(url: string): void;
  /** Looks for an update and, when there is one, downloads it in the background. Settles
   * once the check is over; every outcome also arrives as an event. */
  check(): Promise<void>;
  /** Whether quitting the app installs a downloaded update. */
  setInstallOnQuit(allowed: boolean): void;
  /** Quits, installs the downloaded update and starts the new version. */
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

export interface Timers {
  setInterval(callback: () => void, milliseconds: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface UpdateControllerOptions {
  /** Null where the app cannot update itself (not installed from an installer). */
  readonly updater: UpdaterPort | null;
  readonly settings: Pick<ManagedSettings, 'autoUpdate' | 'updateUrl'>;
  /** The inbox server in use; its /updates/ folder is the feed unless IT set updateUrl. */
  readonly serverUrl: string;
  readonly currentVersion: string;
  /** Replies in this computer's outboxes still waiting to be sent. */
  readonly countWaitingReplies: () => number;
  readonly now: () => number;
  readonly timers: Timers;
  readonly log: (message: string) => void;
  /** Called with every new status, to push to the window. */
  readonly onStatus: (status: UpdateStatus) => void;
}

export interface UpdateController {
  start(): void;
  status(): UpdateStatus;
  checkNow(): UpdateStatus;
  /** "Restart to update": now, or as soon as no reply is waiting. */
  requestInstall(): UpdateStatus;
  /** The outbox changed: recount, and restart if an install was waiting for it. */
  repliesChanged(): void;
  /** The app is quitting: install on the way out only if no reply is waiting. */
  beforeQuit(): void;
  stop(): void;
}

/** The feed's folder URL: IT's updateUrl, else the inbox server's /updates/. */
export function updateFeedUrl(settings: Pick<ManagedSettings, 'updateUrl'>, serverUrl: string): string {
  const base = settings.updateUrl ?? new URL('/updates/', serverUrl).href;
  return base.endsWith('/') ? base : `${base}/`;
}

/** What the front desk reads when an update went wrong; electron-updater's text goes to the log. */
export function describeUpdateError(code: string | null): string {
  if (code === 'ERR_CHECKSUM_MISMATCH') {
    return 'The downloaded update did not match the checksum its server published, so it was refused and not installed. Tell your IT team.';
  }
  return `Could not check for or download updates${code ? ` (${code})` : ''}. The app tries again later.`;
}

/** The feed's folder has no latest*.yml: nothing published there, which is not a fault. */
const NOTHING_PUBLISHED = 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND';

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, settings, timers, log } = options;
  const offReason: UpdateStatus['offReason'] = !settings.autoUpdate ? 'managed' : updater === null ? 'not-installed' : null;
  let status: UpdateStatus = {
    state: offReason ? 'off' : 'idle',
    offReason,
    currentVersion: options.currentVersion,
    version: null,
    percent: null,
    feedUrl: offReason ? null : updateFeedUrl(settings, options.serverUrl),
    checkedAt: null,
    waitingReplies: 0,
    installRequested: false,
    problem: null,
  };
  let interval: unknown = null;

  const publish = (change: Partial<UpdateStatus>) => {
    status = { ...status, ...change };
    options.onStatus(status);
  };

  const install = () => {
    log(`Installing version ${status.version ?? 'unknown'} and restarting.`);
    updater?.quitAndInstall();
  };

  const onEvent = (event: UpdaterEvent) => {
    switch (event.type) {
      case 'checking':
        publish({ state: 'checking', problem: null });
        return;
      case 'available':
        log(`Version ${event.version} is available; downloading it.`);
        publish({ state: 'downloading', version: event.version, percent: 0 });
        return;
      case 'not-available':
        publish({ state: 'up-to-date', version: null, percent: null, checkedAt: options.now() });
        return;
      case 'progress':
        publish({ percent: Math.max(0, Math.min(100, Math.round(event.percent))) });
        return;
      case 'downloaded': {
        log(`Version ${event.version} is downloaded; it installs when the app quits.`);
        const waitingReplies = options.countWaitingReplies();
        publish({ state: 'ready', version: event.version, percent: 100, checkedAt: options.now(), waitingReplies });
        if (status.installRequested && waitingReplies === 0) install();
        return;
      }
      case 'error':
        // The first line says what failed; electron-updater appends the response and a stack.
        log(`Update ${event.code ?? 'error'}: ${event.message.split('\n')[0] ?? ''}`);
        if (event.code === NOTHING_PUBLISHED) {
          publish({ state: 'no-feed', version: null, percent: null, checkedAt: options.now(), problem: null });
        } else {
          // A refused download leaves nothing to install: back to looking, with the reason shown.
          publish({ state: 'error', version: null, percent: null, checkedAt: options.now(), installRequested: false, problem: describeUpdateError(event.code) });
        }
    }
  };

  const check = () => {
    if (!updater || status.state === 'off' || status.state === 'downloading' || status.state === 'ready') return;
    // Outcomes (and failures) arrive as events; the promise only says the check is over.
    void updater.check().catch(() => undefined);
  };

  return {
    start() {
      if (!updater || status.state === 'off') {
        log(offReason === 'managed' ? 'Automatic updates are turned off by IT.' : 'Automatic updates work in the installed app only.');
        return;
      }
      updater.onEvent(onEvent);
      updater.setFeed(status.feedUrl ?? updateFeedUrl(settings, options.serverUrl));
      updater.setInstallOnQuit(true);
      log(`Looking for updates at ${status.feedUrl}.`);
      check();
      interval = timers.setInterval(check, UPDATE_CHECK_INTERVAL_MS);
    },
    status: () => status,
    checkNow() {
      check();
      return status;
    },
    requestInstall() {
      if (status.state !== 'ready') return status;
      const waitingReplies = options.countWaitingReplies();
      if (waitingReplies > 0) {
        log(`Restart to update requested; waiting for ${waitingReplies} repl${waitingReplies === 1 ? 'y' : 'ies'} to be sent.`);
        publish({ installRequested: true, waitingReplies });
        return status;
      }
      publish({ installRequested: true, waitingReplies: 0 });
      install();
      return status;
    },
    repliesChanged() {
      if (status.state !== 'ready') return;
      const waitingReplies = options.countWaitingReplies();
      if (waitingReplies !== status.waitingReplies) publish({ waitingReplies });
      if (status.installRequested && waitingReplies === 0) install();
    },
    beforeQuit() {
      if (!updater || status.state !== 'ready') return;
      const waitingReplies = options.countWaitingReplies();
      updater.setInstallOnQuit(waitingReplies === 0);
      if (waitingReplies > 0) log(`Not installing version ${status.version ?? ''} on quit: ${waitingReplies} repl${waitingReplies === 1 ? 'y is' : 'ies are'} waiting to be sent.`);
    },
    stop() {
      if (interval !== null) timers.clearInterval(interval);
      interval = null;
    },
  };
}
