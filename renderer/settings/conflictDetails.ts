// A 'conflict' refusal may carry the newer record in its details; when it does not, the page
// fetches it. Either way the manager sees the other values before choosing.
import type { z } from 'zod';

export function newerFromDetails<S extends z.ZodType>(schema: S, details: unknown): z.infer<S> | null {
  const direct = schema.safeParse(details);
  if (direct.success) return direct.data;
  if (typeof details === 'object' && details !== null && 'current' in details) {
    const nested = schema.safeParse(details.current);
    if (nested.success) return nested.data;
  }
  return null;
}
