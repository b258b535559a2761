// The signed-in client's outbox for as long as the page is open: read when the page learns who
// the client is, sent on every (re)connect, and re-read when another tab changes it.
import { useCallback, useEffect, useMemo } from 'react';
import { createPrefsStore, PREFS_NAMESPACE } from '../desktop/prefsStore';
import { browserLocks } from './browserLocks';
import type { ClientApi, ClientSocket } from '../client/clientApi';
import { clientOutboxKey, createClientOutbox, type ClientOutbox } from './clientOutbox';

export function useClientOutbox(api: ClientApi, socket: ClientSocket, clientId: number | null): ClientOutbox | null {
  const isConnected = useCallback(() => socket.connected, [socket]);
  const outbox = useMemo(
    () =>
      clientId === null
        ? null
        : createClientOutbox({ api, store: createPrefsStore(window.localStorage), clientId, isConnected, withLock: browserLocks() }),
    [api, clientId, isConnected],
  );

  useEffect(() => {
    if (!outbox || clientId === null) return;
    void outbox.refresh();
    const storageKey = PREFS_NAMESPACE + clientOutboxKey(clientId);
    const onStorage = (event: StorageEvent) => {
      if (event.key === storageKey) void outbox.refresh();
    };
    window.addEventListener('storage', onStorage);
    const stopFlushing = api.whenConnected(() => void outbox.flush());
    return () => {
      window.removeEventListener('storage', onStorage);
      stopFlushing();
    };
  }, [api, outbox, clientId]);

  return outbox;
}
