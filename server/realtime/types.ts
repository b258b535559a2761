// Typed socket.io shapes for the two audiences: staff on "/", clients on "/client".
import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientClientToServerEvents, ClientServerToClientEvents } from '../../shared/clientEvents';
import type { StaffClientToServerEvents, StaffServerToClientEvents } from '../../shared/staffEvents';
import type { StaffSession } from '../auth/sessions.repository';

export type StaffSocketData = { session: StaffSession; memberName: string };
/** linkId: the client token's row; linkExpiresAt: when it stops working unless the client books
 * again (looked up afresh then). */
export type ClientSocketData = { clientId: number; clientName: string; linkId: number; linkExpiresAt: number };

type NoServerSideEvents = Record<string, never>;

export type StaffServer = Server<StaffClientToServerEvents, StaffServerToClientEvents, NoServerSideEvents, StaffSocketData>;
export type StaffSocket = Socket<StaffClientToServerEvents, StaffServerToClientEvents, NoServerSideEvents, StaffSocketData>;
export type ClientNamespace = Namespace<
  ClientClientToServerEvents,
  ClientServerToClientEvents,
  NoServerSideEvents,
  ClientSocketData
>;
export type ClientSocket = Socket<ClientClientToServerEvents, ClientServerToClientEvents, NoServerSideEvents, ClientSocketData>;
