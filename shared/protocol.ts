// Socket.io event maps derived from a protocol's zod schemas, so each side's typing follows
// the schemas the other side parses with.
import type { z } from 'zod';
import type { RequiredPermission } from './permissions';
import type { Result } from './result';

type RequestSchemas = Record<string, { payload: z.ZodType; result: z.ZodType }>;

/**
 * A staff request: what it carries, what it answers, and the permission it needs. The
 * permission is part of the declaration so no request can be registered without one.
 */
export type StaffRequestDeclaration = { permission: RequiredPermission; payload: z.ZodType; result: z.ZodType };

/** Client → server: each request carries its payload and is answered through its ack. */
export type RequestEvents<R extends RequestSchemas> = {
  [K in keyof R]: (payload: z.input<R[K]['payload']>, ack: (result: Result<z.infer<R[K]['result']>>) => void) => void;
};

/** Server → client pushes. */
export type PushEvents<P extends Record<string, z.ZodType>> = {
  [K in keyof P]: (payload: z.infer<P[K]>) => void;
};

/** Who receives a push: the rooms it may go to, never wider. */
export type PushAudience =
  | 'location' // staff with access at the conversation's location
  | 'member' // every device of one member
  | 'session' // every socket of one sign-in
  | 'team-managers' // sessions that may manage the team
  | 'all-staff' // every signed-in staff app
  | 'client' // one client's connections
  | 'all-clients'; // every client connection

/**
 * How an app that was disconnected when a push went out learns what it said: replayed by
 * `sync:since` under one of its result fields, fetched afresh by a request the app sends on
 * every connect, or exempt (with the reason written down).
 */
export type CatchUp<SyncField extends string, RequestName extends string> =
  | { readonly replayedBy: 'sync:since'; readonly field: SyncField }
  | { readonly refetchedOnConnect: RequestName }
  | { readonly exempt: string };

export type PushDeclaration<SyncField extends string, RequestName extends string> = {
  readonly audience: PushAudience;
  readonly catchUp: CatchUp<SyncField, RequestName>;
};
