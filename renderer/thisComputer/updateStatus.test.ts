import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/ipc';
import { describeUpdates } from './updateStatus';

const base: UpdateStatus = {
  state: 'idle',
  offReason: null,
  currentVersion: '0.1.0',
  version: null,
  percent: null,
  feedUrl: 'https://inbox.salon.example/updates/',
  checkedAt: null,
  waitingReplies: 0,
  installRequested: false,
  problem: null,
};

describe('what This computer says about updates', () => {
  it('says IT turned them off, and offers nothing', () => {
    expect(describeUpdates({ ...base, state: 'off', offReason: 'managed' })).toEqual({
      headline: 'Automatic updates are turned off by your IT team.',
      detail: 'Your IT team installs new versions on this computer.',
      action: 'none',
      tone: 'info',
    });
    expect(describeUpdates({ ...base, state: 'off', offReason: 'not-installed' }).detail).toBe('Updates work in the installed app only.');
  });

  it('offers "Restart to update" for a downloaded version, saying replies must go first', () => {
    expect(describeUpdates({ ...base, state: 'ready', version: '0.2.0' })).toMatchObject({
      headline: 'Version 0.2.0 is ready.',
      detail: 'It installs when the app quits, or now if you restart.',
      action: 'install',
    });
    expect(describeUpdates({ ...base, state: 'ready', version: '0.2.0', waitingReplies: 2 }).detail).toBe(
      'It installs when the app quits, after the 2 replies waiting to be sent have gone.',
    );
  });

  it('once asked, says it waits for the outbox and restarts by itself', () => {
    expect(describeUpdates({ ...base, state: 'ready', version: '0.2.0', waitingReplies: 1, installRequested: true })).toEqual({
      headline: 'Version 0.2.0 installs once 1 reply waiting to be sent has gone.',
      detail: 'The app restarts by itself then. Nothing you send is lost.',
      action: 'none',
      tone: 'info',
    });
  });

  it('shows progress, a feed with nothing published, and a failed check with its reason', () => {
    expect(describeUpdates({ ...base, state: 'downloading', version: '0.2.0', percent: 40 }).headline).toBe('Downloading version 0.2.0… 40%');
    expect(describeUpdates({ ...base, state: 'no-feed' })).toMatchObject({ headline: 'No updates are published on the salon’s server.', action: 'check' });
    expect(describeUpdates({ ...base, state: 'error', problem: 'The downloaded update did not match.' })).toMatchObject({
      headline: 'The last update check failed.',
      detail: 'The downloaded update did not match.',
      action: 'check',
      tone: 'warning',
    });
  });
});
