// The screen lock as every signed-in screen sees it: whether it is locked (notifications then
// hide message text), a way to lock now, and this computer's auto-lock time.
import { createContext, use } from 'react';
import type { AutoLockSetting } from './autoLock';

export interface LockState {
  locked: boolean;
  lock(): void;
  /** Null until read from the desktop (or when there is no lock, e.g. in isolated screens). */
  autoLock: AutoLockSetting | null;
  setAutoLockSeconds(seconds: number): void;
}

const NO_LOCK: LockState = { locked: false, lock: () => {}, autoLock: null, setAutoLockSeconds: () => {} };

export const LockContext = createContext<LockState>(NO_LOCK);

export function useLockState(): LockState {
  return use(LockContext);
}
