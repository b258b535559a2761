// Resource-level authorization for conversations. Staff see the conversations of the
// locations in their session (R12); clients see only their own. Anything else answers exactly
// as a conversation that does not exist (same code, same message), so nobody can map which
// ids exist elsewhere.
import { err, ok, type Result } from '../../shared/result';
import type { StaffSession } from '../auth/sessions.repository';
import type { Repositories } from '../repositories';
import type { ConversationRecord } from './conversations.repository';

export const CONVERSATION_NOT_FOUND_MESSAGE = 'This conversation does not exist.';
const notFound = () => err('not_found', CONVERSATION_NOT_FOUND_MESSAGE);

export function conversationForStaff(
  repos: Repositories,
  session: StaffSession,
  conversationId: number,
): Result<ConversationRecord> {
  const conversation = repos.conversations.findById(conversationId);
  if (!conversation || !session.locationIds.includes(conversation.locationId)) return notFound();
  return ok(conversation);
}

export function conversationForClient(
  repos: Repositories,
  clientId: number,
  conversationId: number,
): Result<ConversationRecord> {
  const conversation = repos.conversations.findById(conversationId);
  if (!conversation || conversation.clientId !== clientId) return notFound();
  return ok(conversation);
}

/** The message a read marker points at must be in the conversation being marked. */
export function checkReadMarker(repos: Repositories, conversationId: number, messageId: number): Result<null> {
  return repos.messages.belongsToConversation(messageId, conversationId)
    ? ok(null)
    : err('not_found', 'That message is not in this conversation.');
}
