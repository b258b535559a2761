// Typed socket.io shapes for the two audiences: staff on "/", clients on "/client".
import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientPageRequestEvents, ClientPagePushEvents } from '../../shared/clientEvents';
import type { StaffRequestEvents, StaffPushEvents } from '../../shared/staffEvents';
import type { StaffSession } from '../auth/sessions.repository';

export type StaffSocketData = { session: StaffSession; memberName: string };
/** linkId: the client token's row; linkExpiresAt: when it stops working unless the client books
 * again (looked up afresh then). */
export type ClientSocketData = { clientId: number; clientName: string; linkId: number; linkExpiresAt: number };

type NoServerSideEvents = Record<string, never>;

export type StaffServer = Server<StaffRequestEvents, StaffPushEvents, NoServerSideEvents, StaffSocketData>;
export type StaffSocket = Socket<StaffRequestEvents, StaffPushEvents, NoServerSideEvents, StaffSocketData>;
export type ClientNamespace = Namespace<
  ClientPageRequestEvents,
  ClientPagePushEvents,
  NoServerSideEvents,
  ClientSocketData
>;
export type ClientSocket = Socket<ClientPageRequestEvents, ClientPagePushEvents, NoServerSideEvents, ClientSocketData>;
