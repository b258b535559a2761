// What Settings → This computer says about automatic updates, in words for the front desk, and
// which action it offers. Pure, so it is tested without a window.
import type { UpdateStatus } from '../../shared/ipc';

export interface UpdateView {
  headline: string;
  detail: string | null;
  /** check: "Check for updates"; install: "Restart to update"; none: nothing to do now. */
  action: 'check' | 'install' | 'none';
  tone: 'info' | 'warning';
}

const replies = (count: number) => (count === 1 ? '1 reply' : `${count} replies`);

export function describeUpdates(status: UpdateStatus): UpdateView {
  const since = status.checkedAt ? ` Last checked ${new Date(status.checkedAt).toLocaleString()}.` : '';
  switch (status.state) {
    case 'off':
      return {
        headline: status.offReason === 'managed' ? 'Automatic updates are turned off by your IT team.' : 'This copy of the app does not update itself.',
        detail:
          status.offReason === 'managed'
            ? 'Your IT team installs new versions on this computer.'
            : status.offReason === 'browser'
              ? 'A browser gets the newest inbox from its server.'
              : 'Updates work in the installed app only.',
        action: 'none',
        tone: 'info',
      };
    case 'idle':
    case 'checking':
      return { headline: status.state === 'checking' ? 'Looking for updates…' : 'Updates are on.', detail: null, action: status.state === 'idle' ? 'check' : 'none', tone: 'info' };
    case 'up-to-date':
      return { headline: `Front Desk Inbox ${status.currentVersion} is up to date.`, detail: since.trim() || null, action: 'check', tone: 'info' };
    case 'no-feed':
      return { headline: 'No updates are published on the salon’s server.', detail: `Your IT team publishes them there.${since}`, action: 'check', tone: 'info' };
    case 'downloading':
      return { headline: `Downloading version ${status.version ?? ''}… ${status.percent ?? 0}%`, detail: 'You can keep working.', action: 'none', tone: 'info' };
    case 'ready': {
      const waiting = status.waitingReplies;
      if (status.installRequested) {
        return {
          headline: `Version ${status.version ?? ''} installs once ${replies(waiting)} waiting to be sent ${waiting === 1 ? 'has' : 'have'} gone.`,
          detail: 'The app restarts by itself then. Nothing you send is lost.',
          action: 'none',
          tone: 'info',
        };
      }
      return {
        headline: `Version ${status.version ?? ''} is ready.`,
        detail:
          waiting > 0
            ? `It installs when the app quits, after the ${replies(waiting)} waiting to be sent ${waiting === 1 ? 'has' : 'have'} gone.`
            : 'It installs when the app quits, or now if you restart.',
        action: 'install',
        tone: 'info',
      };
    }
    case 'error':
      return { headline: 'The last update check failed.', detail: `${status.problem ?? ''}${since}`, action: 'check', tone: 'warning' };
  }
}
