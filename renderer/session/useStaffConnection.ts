// The signed-in member's socket for as long as the signed-in screens are mounted. A refused
// token (at connect or on any request) ends the session.
import { useEffect, useMemo } from 'react';
import { keepConnected } from '../api/keepConnected';
import { connectStaff } from '../api/staffApi';
import type { SessionEndReason } from './sessionEnded';

/** `onSessionEnded` must be stable (useCallback): a new one means a new connection. */
export function useStaffConnection(serverUrl: string, token: string, onSessionEnded: (reason: SessionEndReason) => void) {
  const connection = useMemo(
    () => connectStaff(serverUrl, token, () => onSessionEnded('refused')),
    [serverUrl, token, onSessionEnded],
  );

  useEffect(() => keepConnected(connection.socket, () => onSessionEnded('refused')), [connection, onSessionEnded]);

  return connection;
}
