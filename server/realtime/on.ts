// The per-audience request wrappers. Staff: every event declares the permission it needs
// (deny by default) and the session must still be unexpired. Clients: the client token,
// checked at connect, is the whole authorization; handlers scope everything to that client.
import type { z } from 'zod';
import { clientRequests, type ClientRequestName, type ClientRequestResult } from '../../shared/clientEvents';
import { err, type Result } from '../../shared/result';
import { staffRequests, type StaffRequestName, type StaffRequestResult } from '../../shared/staffEvents';
import type { StaffSession } from '../auth/sessions.repository';
import { checkStaffAccess } from '../auth/staffAccess';
import type { Clock } from '../clock';
import type { ServerDeps } from '../deps';
import type { Logger } from '../log';
import { registerRequest, type AfterAck, type RequestSocket } from './request';
import type { ClientSocket, StaffSocket } from './types';



export const LINK_EXPIRED = 'This link has expired. Ask the business for a new one.';

type StaffPayload<K extends StaffRequestName> = z.infer<(typeof staffRequests)[K]['payload']>;
type ClientPayload<K extends ClientRequestName> = z.infer<(typeof clientRequests)[K]['payload']>;

export type StaffRequestContext = {
  session: StaffSession;
  memberName: string;
  socket: StaffSocket;
  afterAck: AfterAck;
};
export type StaffHandler<K extends StaffRequestName> = (
  payload: StaffPayload<K>,
  context: StaffRequestContext,
) => Result<StaffRequestResult<K>> | Promise<Result<StaffRequestResult<K>>>;

export type ClientRequestContext = { clientId: number; clientName: string; socket: ClientSocket; afterAck: AfterAck };
export type ClientHandler<K extends ClientRequestName> = (
  payload: ClientPayload<K>,
  context: ClientRequestContext,
) => Result<ClientRequestResult<K>> | Promise<Result<ClientRequestResult<K>>>;

/** Registers a staff request's handler; the permission comes from the request's declaration. */
export type StaffOn = <K extends StaffRequestName>(socket: StaffSocket, event: K, handler: StaffHandler<K>) => void;
export type ClientOn = <K extends ClientRequestName>(socket: ClientSocket, event: K, handler: ClientHandler<K>) => void;

export function createStaffOn({ clock, log }: { clock: Clock; log: Logger }): StaffOn {
  return function on<K extends StaffRequestName>(socket: StaffSocket, event: K, handler: StaffHandler<K>) {
    const { permission } = staffRequests[event];
    registerRequest({
      socket: socket as unknown as RequestSocket,
      event,
      // Indexing the map with a generic key loses the pairing TypeScript cannot see.
      schema: staffRequests[event].payload as unknown as z.ZodType<StaffPayload<K>>,
      log,
      authorize: () => {
        const checked = checkStaffAccess(socket.data.session, permission, clock.now());
        return checked.ok ? null : checked;
      },
      onRefused: (refusal) => {
        if (refusal.error.code !== 'unauthenticated') return;
        // Tell the app why before dropping it, so it shows sign-in instead of reconnecting.
        socket.emit('session:ended', { reason: 'expired' });
        socket.disconnect(true);
      },
      handler: (payload, afterAck) =>
        handler(payload, { session: socket.data.session, memberName: socket.data.memberName, socket, afterAck }),
    });
  };
}

/** Whether the socket's link still works. The expiry noted at connect is checked first (O(1));
 * only once it has passed is the link looked up again, as a new appointment may extend it. */
export function clientLinkStillWorks(socket: ClientSocket, { repos, clock, config }: Pick<ServerDeps, 'repos' | 'clock' | 'config'>): boolean {
  const now = clock.now();
  if (now < socket.data.linkExpiresAt) return true;
  const link = repos.clients.linkById(socket.data.linkId, config.clientLimits.linkTtlMs, now);
  if (!link) return false;
  socket.data.linkExpiresAt = link.expiresAt;
  return true;
}

export function createClientOn(deps: Pick<ServerDeps, 'repos' | 'clock' | 'config' | 'log'>): ClientOn {
  const { log } = deps;
  return function on<K extends ClientRequestName>(socket: ClientSocket, event: K, handler: ClientHandler<K>) {
    registerRequest({
      socket: socket as unknown as RequestSocket,
      event,
      schema: clientRequests[event].payload as unknown as z.ZodType<ClientPayload<K>>,
      log,
      authorize: () => (clientLinkStillWorks(socket, deps) ? null : err('unauthenticated', LINK_EXPIRED)),
      // The page shows that the link no longer works instead of reconnecting.
      onRefused: (refusal) => {
        if (refusal.error.code === 'unauthenticated') socket.disconnect(true);
      },
      handler: (payload, afterAck) =>
        handler(payload, { clientId: socket.data.clientId, clientName: socket.data.clientName, socket, afterAck }),
    });
  };
}
