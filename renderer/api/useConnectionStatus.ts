// Live connection status of a socket, with the browser's own online/offline signal.
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { nextConnectionStatus, type ConnectionEvent, type ConnectionStatus } from './connectionStatus';

export function useConnectionStatus(socket: Socket | null): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>(() =>
    navigator.onLine ? (socket?.connected ? 'connected' : 'connecting') : 'offline',
  );

  useEffect(() => {
    if (!socket) return;
    const on = (event: ConnectionEvent) => () => setStatus((current) => nextConnectionStatus(current, event));
    const handlers = {
      connect: on('socket-connected'),
      disconnect: on('socket-disconnected'),
      connect_error: on('socket-connect-failed'),
    } as const;
    const offline = on('browser-offline');
    const online = on('browser-online');
    if (socket.connected) handlers.connect();
    socket.on('connect', handlers.connect);
    socket.on('disconnect', handlers.disconnect);
    socket.on('connect_error', handlers.connect_error);
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      socket.off('connect', handlers.connect);
      socket.off('disconnect', handlers.disconnect);
      socket.off('connect_error', handlers.connect_error);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [socket]);

  return status;
}
