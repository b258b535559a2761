// The staff connection: one socket.io socket to the default namespace, authenticated with the
// session token, and the typed API over it.
import { io, type Socket } from 'socket.io-client';
import {
  staffPushes,
  staffRequests,
  type StaffRequestEvents,
  type StaffPushEvents,
} from '../../shared/staffEvents';
import { asWire, createSocketApi, type SocketApi } from './socketApi';

export type StaffSocket = Socket<StaffPushEvents, StaffRequestEvents>;
export type StaffApi = SocketApi<typeof staffRequests, typeof staffPushes>;

export function connectStaff(
  serverUrl: string,
  token: string,
  onUnauthenticated: () => void,
): { socket: StaffSocket; api: StaffApi } {
  // Connected by the caller, so creating it has no side effect (React may create it twice).
  // WebSocket from the start: the inbox server is on this computer or the salon's network, and
  // HTTP long-polling first, then the upgrade, cost several round trips before the first inbox
  // page could be asked for (~0.3 s of the ~0.6 s from sign-in to the first rows at 1M messages).
  const socket: StaffSocket = io(serverUrl, { auth: { token }, autoConnect: false, transports: ['websocket'] });
  const api = createSocketApi(asWire(socket), staffRequests, staffPushes, { onUnauthenticated });
  return { socket, api };
}
