// Socket.io event maps derived from a protocol's zod schemas, so each side's typing follows
// the schemas the other side parses with.
import type { z } from 'zod';
import type { Result } from './result';

type RequestSchemas = Record<string, { payload: z.ZodType; result: z.ZodType }>;

/** Client → server: each request carries its payload and is answered through its ack. */
export type RequestEvents<R extends RequestSchemas> = {
  [K in keyof R]: (payload: z.input<R[K]['payload']>, ack: (result: Result<z.infer<R[K]['result']>>) => void) => void;
};

/** Server → client pushes. */
export type PushEvents<P extends Record<string, z.ZodType>> = {
  [K in keyof P]: (payload: z.infer<P[K]>) => void;
};
