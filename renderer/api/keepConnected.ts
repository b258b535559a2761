// Holds a socket connected while a screen needs it. A refused token (at connect) is reported;
// after the server itself closed the connection (e.g. the session was signed out elsewhere)
// socket.io does not retry, so this retries once: a refused token then ends things cleanly.
import type { Socket } from 'socket.io-client';
import { isAuthRefusal } from './connectionStatus';

const RETRY_AFTER_SERVER_CLOSE_MS = 1_000;

/** Connects now; the returned function disconnects. */
export function keepConnected(socket: Pick<Socket, 'on' | 'off' | 'connect' | 'disconnect'>, onRefused: () => void): () => void {
  const onConnectError = (error: Error) => {
    if (isAuthRefusal(error)) onRefused();
  };
  let retryTimer: number | undefined;
  const onDisconnect = (reason: string) => {
    if (reason === 'io server disconnect') retryTimer = window.setTimeout(() => socket.connect(), RETRY_AFTER_SERVER_CLOSE_MS);
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
}
