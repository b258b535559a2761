// How long this computer waits before locking: IT's managed value wins; otherwise what someone
// chose on this computer (kept in the local preference cache), else the default.
import { AUTO_LOCK_MINUTES_MAX, type ManagedConfigView } from '../../shared/ipc';

/** Preference key, in seconds (0 = never), so a test or a kiosk can set less than a minute. */
export const AUTO_LOCK_PREF = 'lock.idleSeconds';

/** What the This computer screen offers, in minutes; 0 is "Never". */
export const AUTO_LOCK_CHOICES_MINUTES = [0, 1, 2, 5, 10, 15, 30, 60] as const;

export interface AutoLockSetting {
  /** 0: never locks by itself. */
  seconds: number;
  /** Fixed by IT's managed configuration: shown, not editable. */
  managed: boolean;
}

const isValidSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= AUTO_LOCK_MINUTES_MAX * 60;

export function effectiveAutoLock(view: ManagedConfigView, storedSeconds: unknown): AutoLockSetting {
  const fromIt = view.locked.includes('autoLockMinutes');
  if (!fromIt && isValidSeconds(storedSeconds)) return { seconds: storedSeconds, managed: false };
  return { seconds: view.settings.autoLockMinutes * 60, managed: fromIt };
}

export function describeAutoLock(seconds: number): string {
  if (seconds === 0) return 'Never';
  if (seconds % 60 !== 0) return `After ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = seconds / 60;
  return `After ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
