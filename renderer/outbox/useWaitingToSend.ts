// How many of the member's messages the outbox still holds (for the offline banner).
import { useSyncExternalStore } from 'react';
import { useOffline } from '../offline/OfflineContext';

export function useWaitingToSend(): number {
  const { outbox } = useOffline();
  return useSyncExternalStore(outbox.subscribe, () => outbox.snapshot().entries.length);
}
