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
