// Resource-level authorization for conversations. Staff see the conversations of the
// locations in their session (R12): another location's conversation is `forbidden`. Clients
// see only their own: anyone else's is `not_found`, so clients learn nothing about others.
import { err, ok, type Result } from '../../shared/result';
import type { StaffSession } from '../auth/sessions.repository';
import type { Repositories } from '../repositories';
import type { ConversationRecord } from './conversations.repository';

const notFound = () => err('not_found', 'This conversation does not exist.');

export function conversationForStaff(
  repos: Repositories,
  session: StaffSession,
  conversationId: number,
): Result<ConversationRecord> {
  const conversation = repos.conversations.findById(conversationId);
  if (!conversation) return notFound();
  if (!session.locationIds.includes(conversation.locationId)) {
    return err('forbidden', 'This conversation belongs to a location you do not work at.');
  }
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
