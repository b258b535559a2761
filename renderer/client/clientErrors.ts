// Error wording for clients: about the salon and the link, never about staff sessions.
import type { AppError } from '../../shared/result';
import { describeError } from '../api/errors';

export const INVALID_LINK_MESSAGE =
  "This link has expired or isn't valid any more. Open the latest link from your booking confirmation, or ask the salon for a new one.";

export function describeClientError(error: AppError): string {
  switch (error.code) {
    case 'messaging_disabled':
      return "This salon isn't taking messages right now.";
    case 'contact_not_offered':
      return "Messaging isn't available for this appointment.";
    case 'unauthenticated':
      return INVALID_LINK_MESSAGE;
    case 'forbidden':
      return "You can't send messages about this appointment.";
    case 'rate_limited':
      // The server says which limit it is (too fast, or today's files) in words meant for clients.
      return error.message || 'Please wait a moment and try again.';
    default:
      return describeError(error);
  }
}
