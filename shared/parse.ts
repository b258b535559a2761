// The one way every boundary turns unknown input into typed data or a `bad_request` error.
import type { z } from 'zod';
import { err, ok, type Result } from './result';

export function parse<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(
    'bad_request',
    'The request is not valid.',
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
