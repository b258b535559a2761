// Which conversation "next / previous with unread" opens: the nearest one in the list's order,
// after (or before) the open one, that has messages the member has not read. No wrapping round:
// at the end of the list there is simply none, and the member is told so.

export interface ListedConversation {
  id: number;
  unreadCount: number;
}

export function nearestUnread(conversations: readonly ListedConversation[], openId: number | null, direction: 1 | -1): number | null {
  const openIndex = openId === null ? -1 : conversations.findIndex((conversation) => conversation.id === openId);
  // Nothing open (or the open one is not in this view): start from the list's top, or its end.
  const start = openIndex === -1 ? (direction === 1 ? -1 : conversations.length) : openIndex;
  for (let index = start + direction; index >= 0 && index < conversations.length; index += direction) {
    const conversation = conversations[index]!;
    if (conversation.unreadCount > 0) return conversation.id;
  }
  return null;
}
