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
  const socket: StaffSocket = io(serverUrl, { auth: { token }, autoConnect: false });
  const api = createSocketApi(asWire(socket), staffRequests, staffPushes, { onUnauthenticated });
  return { socket, api };
}
