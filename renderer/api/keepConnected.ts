// Holds a socket connected while a screen needs it. A refused token (at connect) is reported;
// after the server itself closed the connection (e.g. the session was signed out elsewhere)
// socket.io does not retry, so this retries once: a refused token then ends things cleanly.
// Once the server has been away for a while socket.io-client waits up to ~7.5 s between
// retries, so when the network comes back or someone looks at the app it retries at once.
import type { Socket } from 'socket.io-client';
import { isAuthRefusal } from './connectionStatus';

const RETRY_AFTER_SERVER_CLOSE_MS = 1_000;

/** Where the browser says the connection may work again: `online` and `focus` (the window). */
export type RetryNudges = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
const NUDGES = ['online', 'focus'] as const;

/** Connects now; the returned function disconnects. */
export function keepConnected(
  socket: Pick<Socket, 'on' | 'off' | 'connect' | 'disconnect' | 'connected'>,
  onRefused: () => void,
  nudges: RetryNudges = window,
): () => void {
  const onConnectError = (error: Error) => {
    if (isAuthRefusal(error)) onRefused();
  };
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const onDisconnect = (reason: string) => {
    if (reason === 'io server disconnect') retryTimer = setTimeout(() => socket.connect(), RETRY_AFTER_SERVER_CLOSE_MS);
  };
  // Dropping the waiting retry and connecting again starts a fresh attempt now; should it
  // fail, socket.io's retries begin again from their shortest delay.
  const retryNow = () => {
    if (socket.connected) return;
    socket.disconnect();
    socket.connect();
  };
  socket.on('connect_error', onConnectError);
  socket.on('disconnect', onDisconnect);
  for (const nudge of NUDGES) nudges.addEventListener(nudge, retryNow);
  socket.connect();
  return () => {
    socket.off('connect_error', onConnectError);
    socket.off('disconnect', onDisconnect);
    for (const nudge of NUDGES) nudges.removeEventListener(nudge, retryNow);
    clearTimeout(retryTimer);
    socket.disconnect();
  };
}
