// The signed-in member's socket for as long as the signed-in screens are mounted. A refused
// token (at connect or on any request) ends the session.
import { useLayoutEffect, useMemo } from 'react';
import { keepConnected } from '../api/keepConnected';
import { connectStaff } from '../api/staffApi';
import { STARTUP_MARKS } from '../../shared/startupMarks';
import { markStartup } from '../ui/startupMarks';
import type { SessionEndReason } from './sessionEnded';

/** `onSessionEnded` must be stable (useCallback): a new one means a new connection. */
export function useStaffConnection(serverUrl: string, token: string, onSessionEnded: (reason: SessionEndReason) => void) {
  const connection = useMemo(() => {
    const created = connectStaff(serverUrl, token, () => onSessionEnded('refused'));
    created.socket.once('connect', () => markStartup(STARTUP_MARKS.socketConnected));
    return created;
  }, [serverUrl, token, onSessionEnded]);

  // Connecting starts as soon as the signed-in screens are in the DOM, before the browser lays
  // them out and paints them: the handshake's round trips overlap that work, and the first
  // inbox page is asked for sooner. (Screens that register for the connection in their own
  // effects afterwards are called at once if it is already up.)
  useLayoutEffect(() => keepConnected(connection.socket, () => onSessionEnded('refused')), [connection, onSessionEnded]);

  return connection;
}
