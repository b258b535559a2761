// How many of the member's messages wait in the outbox to be sent (for the offline banner);
// refused ones wait for the member instead, in their conversation. Status changes waiting with
// them are said in their conversation.
import { useSyncExternalStore } from 'react';
import { useOffline } from '../offline/OfflineContext';
import { isQueuedChange } from './staffOutbox';

export function useWaitingToSend(): number {
  const { outbox } = useOffline();
  return useSyncExternalStore(
    outbox.subscribe,
    () => outbox.snapshot().entries.filter((entry) => entry.state === 'pending' && !isQueuedChange(entry.payload)).length,
  );
}
