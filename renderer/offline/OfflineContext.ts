// What the signed-in screens need to work offline: the connection status, the member's outbox
// and their queued offline edits.
import { createContext, use } from 'react';
import type { ConnectionStatus } from '../api/connectionStatus';
import type { StaffOutbox } from '../sending/staffOutbox';
import type { PendingEdits } from './pendingEdits';
import type { PendingSettingsStore } from './pendingSettings';

export interface OfflineContextValue {
  status: ConnectionStatus;
  outbox: StaffOutbox;
  edits: PendingEdits;
  settingsEdits: PendingSettingsStore;
}

export const OfflineContext = createContext<OfflineContextValue | null>(null);

export function useOffline(): OfflineContextValue {
  const value = use(OfflineContext);
  if (!value) throw new Error('useOffline() needs the OfflineProvider.');
  return value;
}
