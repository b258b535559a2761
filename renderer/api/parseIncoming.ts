// The renderer's one way to trust what arrives from the server: acks, pushes and HTTP bodies
// all go through the shared `parse`. A failure means the server and this build disagree on
// the protocol, so it is logged for IT and reported to the user as one generic error.
import type { z } from 'zod';
import { parse } from '../../shared/parse';
import { err, type Result } from '../../shared/result';

export function parseIncoming<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: string,
): Result<z.infer<S>> {
  const parsed = parse(schema, input);
  if (parsed.ok) return parsed;
  console.warn(`Ignored a malformed ${source} from the server.`, parsed.error.details);
  return err('internal', 'The server sent a reply this app could not read. Try again, or reload the app.');
}
