// How many of the member's messages wait in the outbox to be sent (for the offline banner);
// refused ones wait for the member instead, in their conversation.
import { useSyncExternalStore } from 'react';
import { useOffline } from '../offline/OfflineContext';

export function useWaitingToSend(): number {
  const { outbox } = useOffline();
  return useSyncExternalStore(outbox.subscribe, () => outbox.snapshot().entries.filter((entry) => entry.state === 'pending').length);
}
