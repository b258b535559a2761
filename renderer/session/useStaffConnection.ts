// The signed-in member's socket for as long as the signed-in screens are mounted. A refused
// token (at connect or on any request) ends the session.
import { useEffect, useMemo } from 'react';
import { isAuthRefusal } from '../api/connectionStatus';
import { connectStaff } from '../api/staffApi';
import type { SessionEndReason } from './sessionEnded';

/** `onSessionEnded` must be stable (useCallback): a new one means a new connection. */
export function useStaffConnection(serverUrl: string, token: string, onSessionEnded: (reason: SessionEndReason) => void) {
  const connection = useMemo(
    () => connectStaff(serverUrl, token, () => onSessionEnded('refused')),
    [serverUrl, token, onSessionEnded],
  );

  useEffect(() => {
    const { socket } = connection;
    const onConnectError = (error: Error) => {
      if (isAuthRefusal(error)) onSessionEnded('refused');
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
  }, [connection, onSessionEnded]);

  return connection;
}
