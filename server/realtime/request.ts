// The one way a socket event becomes a request: find the ack, check the caller, parse the
// payload, run the handler, and answer the ack exactly once with a Result. Nothing a client
// sends — a missing ack, a malformed payload, an unknown event, a handler that throws — can
// crash the server or reach the handler unvalidated.
import type { z } from 'zod';
import { parse } from '../../shared/parse';
import { err, type Err, type Result } from '../../shared/result';
import type { Logger } from '../log';

/** Schedules work (pushes to rooms) to run right after the ack has been sent. */
export type AfterAck = (work: () => void) => void;

export type RequestHandler<P, R> = (payload: P, afterAck: AfterAck) => Result<R> | Promise<Result<R>>;

type Listener = (...args: unknown[]) => void;
/** The part of a socket.io socket this module needs; event maps are checked by the callers. */
export type RequestSocket = {
  id: string;
  on(event: string, listener: Listener): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
};

export type RequestOptions<S extends z.ZodType, R> = {
  socket: RequestSocket;
  event: string;
  schema: S;
  log: Logger;
  /** Authentication and permission checks; an Err refuses the request before parsing. */
  authorize: () => Err | null;
  /** Runs after a refusal has been acknowledged (e.g. disconnect an expired session). */
  onRefused?: (refusal: Err) => void;
  handler: RequestHandler<z.infer<S>, R>;
};

const INTERNAL_ERROR = err('internal', 'Something went wrong on the server. Please try again.');

/** Splits socket.io listener arguments into payload and ack (the ack is always last). */
function splitArgs(args: unknown[]): { payload: unknown; ack: ((result: unknown) => void) | null } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { payload: args[0], ack: null };
  return { payload: args.length > 1 ? args[0] : undefined, ack: last as (result: unknown) => void };
}

export function registerRequest<S extends z.ZodType, R>(options: RequestOptions<S, R>): void {
  const { socket, event, log } = options;
  socket.on(event, (...args: unknown[]) => {
    const { payload, ack } = splitArgs(args);
    if (ack === null) {
      // Nothing could tell the caller the outcome, so nothing is done on its behalf.
      log.warn('Socket request without an ack callback ignored', { event, socketId: socket.id });
      return;
    }
    void answer(options, payload, ack);
  });
}

async function answer<S extends z.ZodType, R>(options: RequestOptions<S, R>, payload: unknown, ack: (result: unknown) => void) {
  const { socket, event, log } = options;
  const afterAck: Array<() => void> = [];
  let result: Result<R>;
  try {
    const refusal = options.authorize();
    if (refusal) {
      reply(ack, refusal, log, event);
      options.onRefused?.(refusal);
      return;
    }
    const parsed = parse(options.schema, payload);
    result = parsed.ok ? await options.handler(parsed.data, (work) => afterAck.push(work)) : parsed;
  } catch (error) {
    log.error('Socket request failed', { event, socketId: socket.id, error });
    reply(ack, INTERNAL_ERROR, log, event);
    return;
  }
  reply(ack, result, log, event);
  for (const work of afterAck) {
    try {
      work();
    } catch (error) {
      log.error('Push after a socket request failed', { event, socketId: socket.id, error });
    }
  }
}

function reply(ack: (result: unknown) => void, result: Result<unknown>, log: Logger, event: string): void {
  try {
    ack(result);
  } catch (error) {
    log.error('Sending a socket ack failed', { event, error });
  }
}

/** Answers events nobody registered (when the caller waits for an ack) instead of leaving
 * the caller to time out. */
export function refuseUnknownEvents(socket: RequestSocket, knownEvents: readonly string[]): void {
  const known = new Set(knownEvents);
  socket.onAny((event, ...args) => {
    if (known.has(event)) return;
    const { ack } = splitArgs(args);
    ack?.(err('bad_request', `Unknown event "${event}".`));
  });
}
