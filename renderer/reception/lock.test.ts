import { describe, expect, it } from 'vitest';
import { DEFAULT_MANAGED_SETTINGS, type ManagedConfigView } from '../../shared/ipc';
import { describeAutoLock, effectiveAutoLock } from './autoLock';
import { createIdleTimer, type IdleTimers } from './idleTimer';
import { planSwitch } from './switchMember';

/** A clock and timers that only move when the test says so. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: IdleTimers = {
    now: () => now,
    setTimeout: (callback, milliseconds) => {
      const id = nextId++;
      pending.set(id, { at: now + milliseconds, callback });
      return id;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const advance = (milliseconds: number) => {
    const until = now + milliseconds;
    for (;;) {
      const due = [...pending.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = until;
  };
  return { timers, advance, pendingCount: () => pending.size };
}

const MINUTE = 60_000;

describe('idle timer (lock on idle)', () => {
  it('locks once after the idle time with no activity', () => {
    const { timers, advance, pendingCount } = fakeTimers();
    let locks = 0;
    createIdleTimer({ timeoutMs: 5 * MINUTE, timers, onIdle: () => (locks += 1) });
    advance(5 * MINUTE - 1);
    expect(locks).toBe(0);
    advance(1);
    expect(locks).toBe(1);
    advance(60 * MINUTE);
    expect([locks, pendingCount()]).toEqual([1, 0]);
  });

  it('starts the idle time again with every use of the app', () => {
    const { timers, advance } = fakeTimers();
    let locks = 0;
    const idle = createIdleTimer({ timeoutMs: 5 * MINUTE, timers, onIdle: () => (locks += 1) });
    for (let i = 0; i < 10; i += 1) {
      advance(4 * MINUTE);
      idle.touch();
    }
    expect(locks).toBe(0);
    advance(5 * MINUTE);
    expect(locks).toBe(1);
  });

  it('never fires once stopped', () => {
    const { timers, advance, pendingCount } = fakeTimers();
    let locks = 0;
    const idle = createIdleTimer({ timeoutMs: MINUTE, timers, onIdle: () => (locks += 1) });
    idle.stop();
    advance(10 * MINUTE);
    expect([locks, pendingCount()]).toEqual([0, 0]);
  });
});

const view = (overrides: Partial<ManagedConfigView> = {}): ManagedConfigView => ({
  settings: DEFAULT_MANAGED_SETTINGS,
  locked: [],
  problem: null,
  ...overrides,
});

describe('auto-lock setting', () => {
  it('uses what was chosen on this computer, including never, else the default', () => {
    expect(effectiveAutoLock(view(), undefined)).toEqual({ seconds: 300, managed: false });
    expect(effectiveAutoLock(view(), 120)).toEqual({ seconds: 120, managed: false });
    expect(effectiveAutoLock(view(), 0)).toEqual({ seconds: 0, managed: false });
    expect(effectiveAutoLock(view(), 'soon')).toEqual({ seconds: 300, managed: false });
    expect(effectiveAutoLock(view(), -5)).toEqual({ seconds: 300, managed: false });
  });

  it('follows IT when the managed configuration sets it, whatever was chosen here', () => {
    const managed = view({ settings: { ...DEFAULT_MANAGED_SETTINGS, autoLockMinutes: 2 }, locked: ['autoLockMinutes'] });
    expect(effectiveAutoLock(managed, 0)).toEqual({ seconds: 120, managed: true });
  });

  it('reads as words', () => {
    expect([0, 1, 30, 60, 300].map(describeAutoLock)).toEqual(['Never', 'After 1 second', 'After 30 seconds', 'After 1 minute', 'After 5 minutes']);
  });
});

describe('switching member on the lock screen', () => {
  it('keeps the open session when the same member unlocks, dropping the new one', () => {
    expect(planSwitch({ token: 'old', memberId: 3 }, { token: 'new', memberId: 3 })).toEqual({ kind: 'keep-current', signOutToken: 'new' });
  });

  it('hands the app to another member and ends the previous member\'s session', () => {
    expect(planSwitch({ token: 'old', memberId: 3 }, { token: 'new', memberId: 4 })).toEqual({ kind: 'replace', signOutToken: 'old' });
    // After a reload the member is not known yet: replacing is the safe choice.
    expect(planSwitch({ token: 'old', memberId: null }, { token: 'new', memberId: 3 })).toEqual({ kind: 'replace', signOutToken: 'old' });
    expect(planSwitch(null, { token: 'new', memberId: 3 })).toEqual({ kind: 'replace', signOutToken: null });
  });
});
