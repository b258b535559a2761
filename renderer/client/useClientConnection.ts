// The client's socket while the page is open; a refused token means the link is no good.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepConnected } from '../api/keepConnected';
import { connectClient } from './clientApi';

export function useClientConnection(origin: string, token: string) {
  const [linkRefused, setLinkRefused] = useState(false);
  const refuse = useCallback(() => setLinkRefused(true), []);
  const connection = useMemo(() => connectClient(origin, token, refuse), [origin, token, refuse]);

  useEffect(() => keepConnected(connection.socket, refuse), [connection, refuse]);

  return { ...connection, linkRefused };
}
