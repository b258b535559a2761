// The client page's connection: the '/client' namespace on the page's own origin, authenticated
// with the token from the link.
import { io, type Socket } from 'socket.io-client';
import {
  CLIENT_NAMESPACE,
  clientPushes,
  clientRequests,
  type ClientPageRequestEvents,
  type ClientPagePushEvents,
} from '../../shared/clientEvents';
import { asWire, createSocketApi, type SocketApi } from '../api/socketApi';

export type ClientSocket = Socket<ClientPagePushEvents, ClientPageRequestEvents>;
export type ClientApi = SocketApi<typeof clientRequests, typeof clientPushes>;

export function connectClient(origin: string, token: string, onLinkRefused: () => void): { socket: ClientSocket; api: ClientApi } {
  // Connected by the caller, so creating it has no side effect (React may create it twice).
  const socket: ClientSocket = io(new URL(CLIENT_NAMESPACE, origin).href, { auth: { token }, autoConnect: false });
  const api = createSocketApi(asWire(socket), clientRequests, clientPushes, { onUnauthenticated: onLinkRefused });
  return { socket, api };
}
