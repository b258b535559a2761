// The screen lock of a signed-in app: locked by hand or after this computer's idle time, and
// kept locked across a reload (sessionStorage) so reloading is no way around it. The member's
// session stays open underneath, so messages keep arriving (their notifications without text).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DesktopBridge } from '../../shared/bridge';
import { DEFAULT_MANAGED_SETTINGS, managedConfigViewSchema } from '../../shared/ipc';
import type { KeyValueStorage } from '../desktop/prefsStore';
import { AUTO_LOCK_PREF, effectiveAutoLock, type AutoLockSetting } from './autoLock';
import { createIdleTimer } from './idleTimer';
import type { LockState } from './LockContext';

const LOCKED_KEY = 'frontDeskInbox.locked';
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useReceptionLock(bridge: DesktopBridge, signedIn: boolean, storage: KeyValueStorage = window.sessionStorage) {
  const [lockedFlag, setLockedFlag] = useState(() => storage.getItem(LOCKED_KEY) === '1');
  const [autoLock, setAutoLock] = useState<AutoLockSetting | null>(null);
  const locked = signedIn && lockedFlag;

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<AutoLockSetting> => {
      const stored = await bridge.readPref(AUTO_LOCK_PREF).catch(() => undefined);
      try {
        return effectiveAutoLock(managedConfigViewSchema.parse(await bridge.managedConfig()), stored);
      } catch {
        // Without the desktop's answer, lock after the default time rather than never.
        return effectiveAutoLock({ settings: DEFAULT_MANAGED_SETTINGS, locked: [], problem: null }, stored);
      }
    };
    void load().then((setting) => {
      if (!cancelled) setAutoLock(setting);
    });
    return () => {
      cancelled = true;
    };
  }, [bridge]);

  const setLocked = useCallback(
    (value: boolean) => {
      if (value) storage.setItem(LOCKED_KEY, '1');
      else storage.removeItem(LOCKED_KEY);
      setLockedFlag(value);
    },
    [storage],
  );

  const seconds = autoLock?.seconds ?? 0;
  useEffect(() => {
    if (!signedIn || locked || seconds === 0) return;
    const idle = createIdleTimer({
      timeoutMs: seconds * 1000,
      timers: {
        now: () => Date.now(),
        setTimeout: (callback, milliseconds) => window.setTimeout(callback, milliseconds),
        clearTimeout: (handle) => window.clearTimeout(handle as number),
      },
      onIdle: () => setLocked(true),
    });
    const onActivity = () => idle.touch();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true, capture: true });
    return () => {
      idle.stop();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
    };
  }, [signedIn, locked, seconds, setLocked]);

  const managed = autoLock?.managed ?? false;
  const setAutoLockSeconds = useCallback(
    (value: number) => {
      if (managed) return;
      setAutoLock({ seconds: value, managed: false });
      void bridge.writePref(AUTO_LOCK_PREF, value);
    },
    [bridge, managed],
  );

  const lock = useCallback(() => setLocked(true), [setLocked]);
  /** After a PIN switch, and after any password sign-in (a lock left from before is moot). */
  const unlock = useCallback(() => setLocked(false), [setLocked]);
  const state = useMemo<LockState>(() => ({ locked, lock, autoLock, setAutoLockSeconds }), [locked, lock, autoLock, setAutoLockSeconds]);
  return { state, unlock };
}
