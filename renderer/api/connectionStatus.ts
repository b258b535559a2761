// The connection state the UI shows, derived from socket and browser events.
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type ConnectionEvent =
  | 'socket-connected'
  | 'socket-disconnected'
  | 'socket-connect-failed'
  | 'browser-offline'
  | 'browser-online';

export function nextConnectionStatus(current: ConnectionStatus, event: ConnectionEvent): ConnectionStatus {
  switch (event) {
    case 'socket-connected':
      return 'connected';
    case 'socket-disconnected':
    case 'socket-connect-failed':
      // The browser knows it has no network: say so rather than "reconnecting".
      return current === 'offline' ? 'offline' : 'reconnecting';
    case 'browser-offline':
      return 'offline';
    case 'browser-online':
      // socket.io retries on its own; until it succeeds we are reconnecting.
      return current === 'offline' ? 'reconnecting' : current;
  }
}

/** Whether a connect_error means the token was refused (so retrying will not help). */
export function isAuthRefusal(error: Error & { data?: unknown }): boolean {
  if (error.message === 'unauthenticated') return true;
  const { data } = error;
  return typeof data === 'object' && data !== null && 'code' in data && data.code === 'unauthenticated';
}
