// The client's socket while the page is open; a refused token means the link is no good.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isAuthRefusal } from '../api/connectionStatus';
import { connectClient } from './clientApi';

export function useClientConnection(origin: string, token: string) {
  const [linkRefused, setLinkRefused] = useState(false);
  const refuse = useCallback(() => setLinkRefused(true), []);
  const connection = useMemo(() => connectClient(origin, token, refuse), [origin, token, refuse]);

  useEffect(() => {
    const { socket } = connection;
    const onConnectError = (error: Error) => {
      if (isAuthRefusal(error)) refuse();
    };
    // socket.io does not retry after the server closed the connection itself (e.g. the session
    // was signed out elsewhere). Retry once: a refused token then ends the session cleanly.
    let retryTimer: number | undefined;
    const onDisconnect = (reason: string) => {
      if (reason === 'io server disconnect') retryTimer = window.setTimeout(() => socket.connect(), 1_000);
    };
    socket.on('connect_error', onConnectError);
    socket.on('disconnect', onDisconnect);
    socket.connect();
    return () => {
      socket.off('connect_error', onConnectError);
      socket.off('disconnect', onDisconnect);
      window.clearTimeout(retryTimer);
      socket.disconnect();
    };
  }, [connection, refuse]);

  return { ...connection, linkRefused };
}
