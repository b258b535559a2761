// Typed requests and pushes over one socket.io connection, for either namespace. Every
// outgoing payload is checked against its schema, every ack and push parsed before use.
import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import { err, resultSchema, type Result } from '../../shared/result';
import { parse } from '../../shared/parse';
import { parseIncoming } from './parseIncoming';

export type RequestSpecs = Record<string, { payload: z.ZodType; result: z.ZodType }>;
export type PushSpecs = Record<string, z.ZodType>;

export interface SocketApi<Requests extends RequestSpecs, Pushes extends PushSpecs> {
  request<K extends keyof Requests & string>(
    name: K,
    payload: z.input<Requests[K]['payload']>,
  ): Promise<Result<z.infer<Requests[K]['result']>>>;
  /** Returns unsubscribe. A push that fails to parse is logged and dropped. */
  subscribe<K extends keyof Pushes & string>(name: K, handler: (payload: z.infer<Pushes[K]>) => void): () => void;
  /** Runs the handler now if connected, then after every (re)connection: the moment to load,
   * or to catch up on what was missed. Returns unsubscribe. */
  whenConnected(handler: () => void): () => void;
}

/** What the API needs of a socket. socket.io's typed maps can't be indexed by a type
 * parameter, so it sees the socket untyped and restores the types by parsing. */
export interface WireSocket {
  readonly connected: boolean;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

/** Views a typed socket.io socket as the wire the API reads and writes. */
export const asWire = (socket: Socket): WireSocket => socket;

export const REQUEST_TIMEOUT_MS = 10_000;

export interface SocketApiOptions {
  timeoutMs?: number;
  /** Called when the server answers `unauthenticated`: the session or token is gone. */
  onUnauthenticated?: () => void;
}

export function createSocketApi<Requests extends RequestSpecs, Pushes extends PushSpecs>(
  socket: WireSocket,
  requests: Requests,
  pushes: Pushes,
  options: SocketApiOptions = {},
): SocketApi<Requests, Pushes> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const connectHandlers = new Set<() => void>();
  socket.on('connect', () => {
    for (const handler of connectHandlers) handler();
  });

  return {
    async request<K extends keyof Requests & string>(
      name: K,
      payload: z.input<Requests[K]['payload']>,
    ): Promise<Result<z.infer<Requests[K]['result']>>> {
      const spec: Requests[K] = requests[name];
      // Catch what the server would refuse anyway, with the schema's own wording.
      const outgoing = parse(spec.payload, payload);
      if (!outgoing.ok) return outgoing;
      let ack: unknown;
      try {
        ack = await socket.timeout(timeoutMs).emitWithAck(name, outgoing.data);
      } catch {
        return err('unavailable', 'The server did not answer. Check the connection and try again.');
      }
      // The envelope first (ok/data or ok/error), then the data with its own schema: the same
      // check as resultSchema(spec.result), in two steps so the data keeps its type.
      const envelope = parseIncoming(resultSchema(z.unknown()), ack, `answer to ${name}`);
      if (!envelope.ok) return envelope;
      if (!envelope.data.ok) {
        if (envelope.data.error.code === 'unauthenticated') options.onUnauthenticated?.();
        return envelope.data;
      }
      const result: Requests[K]['result'] = spec.result;
      return parseIncoming(result, envelope.data.data, `answer to ${name}`);
    },

    subscribe(name, handler) {
      const schema = pushes[name];
      if (!schema) throw new Error(`Unknown push ${name}.`);
      const listener = (raw: unknown): void => {
        const parsed = parseIncoming(schema, raw, `${name} push`);
        if (parsed.ok) handler(parsed.data);
      };
      const event: string = name;
      socket.on(event, listener);
      return () => void socket.off(event, listener);
    },

    whenConnected(handler) {
      connectHandlers.add(handler);
      if (socket.connected) handler();
      return () => void connectHandlers.delete(handler);
    },
  };
}
