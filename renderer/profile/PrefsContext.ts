// The member's preferences sync, for the notifications hook and the Profile page.
import { createContext, use, useSyncExternalStore } from 'react';
import type { NotificationPrefsState } from '../../shared/profile';
import type { PrefsSync } from './prefsSync';

export const PrefsContext = createContext<PrefsSync | null>(null);

export function usePrefsSync(): PrefsSync {
  const sync = use(PrefsContext);
  if (!sync) throw new Error('usePrefsSync() needs a PrefsContext provider.');
  return sync;
}

export function useNotificationPrefsState(): NotificationPrefsState | null {
  const sync = usePrefsSync();
  return useSyncExternalStore(sync.subscribe, sync.current);
}
