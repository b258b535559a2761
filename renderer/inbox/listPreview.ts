// How a conversation row names who wrote its last message.
import type { ConversationSummary } from '../../shared/domain';

/** Who wrote the last message, as the list says it: "You" only for the member's own. */
export function previewAuthor(lastMessage: NonNullable<ConversationSummary['lastMessage']>, memberId: number | undefined): string {
  if (lastMessage.authorKind === 'client') return '';
  if (lastMessage.automatic) return 'Automatic reply: ';
  return memberId !== undefined && lastMessage.authorMemberId === memberId ? 'You: ' : 'Team: ';
}
