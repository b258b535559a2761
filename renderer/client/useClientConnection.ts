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
    socket.on('connect_error', onConnectError);
    socket.connect();
    return () => {
      socket.off('connect_error', onConnectError);
      socket.disconnect();
    };
  }, [connection, refuse]);

  return { ...connection, linkRefused };
}
