// User-facing wording for the shared error codes. The server's own message is kept where it
// is the most specific thing we can say (validation), replaced where it is too technical.
import type { AppError } from '../../shared/result';

const firstDetailMessage = (details: unknown): string | undefined => {
  if (!Array.isArray(details)) return undefined;
  const [first]: unknown[] = details;
  if (typeof first === 'object' && first !== null && 'message' in first) {
    const { message } = first;
    return typeof message === 'string' ? message : undefined;
  }
  return undefined;
};

const isTeamRefusal = (details: unknown): boolean =>
  typeof details === 'object' && details !== null && 'reason' in details && typeof details.reason === 'string';

export function describeError(error: AppError): string {
  switch (error.code) {
    case 'bad_request':
      return firstDetailMessage(error.details) ?? error.message;
    case 'unauthenticated':
      return 'Your session has ended. Sign in again.';
    case 'forbidden':
      // A Team page rule says exactly what the manager may not do and why (shared/teamRules.ts).
      return isTeamRefusal(error.details) ? error.message : "You don't have permission to do that. Ask a workspace owner if you need it.";
    case 'messaging_disabled':
      return "Client messaging is turned off for this workspace, so messages can't be sent or received.";
    case 'contact_not_offered':
      return "Messaging isn't offered for this appointment.";
    case 'rate_limited':
      return 'Too many attempts. Wait a moment and try again.';
    case 'payload_too_large':
      return 'That is too large to send.';
    case 'unavailable':
      return error.message;
    case 'not_found':
    case 'conflict':
    case 'internal':
      return error.message || 'Something went wrong. Try again.';
  }
}

/** Errors worth retrying on their own once the connection is back. */
export const isConnectionError = (error: AppError): boolean => error.code === 'unavailable';

/** What a form shows beside each field; a field may have several problems at once. */
export type FieldProblems<F extends string> = Partial<Record<F, string>>;

/** Every field problem a `bad_request` carries (`details`: [{ path, message }], all of zod's
 * issues and the server's own checks), keyed by field. A path names its field by its last part
 * ("profile.email" → email); several problems of one field are read together. */
export function fieldProblemsOf<F extends string>(details: unknown, fields: readonly F[]): FieldProblems<F> {
  const problems: FieldProblems<F> = {};
  if (!Array.isArray(details)) return problems;
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = fields.find((name) => path === name || path.endsWith(`.${name}`) || path.startsWith(`${name}.`));
    if (!field) continue;
    const known = problems[field];
    if (known === undefined) problems[field] = message;
    else if (!known.includes(message)) problems[field] = `${known} ${message}`;
  }
  return problems;
}

/** The one line announced above a form with problems: the problem itself when there is one,
 * else how many fields need fixing (each says what beside it). */
export function problemsSummary(problems: Readonly<Record<string, string | undefined>>): string | null {
  const found = Object.values(problems).filter((message): message is string => message !== undefined);
  if (found.length === 0) return null;
  return found.length === 1 ? found[0]! : `${found.length} fields need fixing. Each says what is wrong beside it.`;
}
