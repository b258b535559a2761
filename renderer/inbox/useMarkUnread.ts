// "Mark as unread": the member keeps a conversation on their own to-do list (nobody else's
// unread changes). Shared by the inbox list's menu and the conversation header. The server
// answers with the count and pushes it as `unread:updated` to every device of the member,
// this one included, so the list, the view counts and the badge follow from that one push.
import { useCallback, useState } from 'react';
import type { Result } from '../../shared/result';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

export interface MarkUnread {
  /** Resolves with the member's new unread count of the conversation (at least 1). */
  markUnread: (conversationId: number) => Promise<Result<{ conversationId: number; unreadCount: number }>>;
  /** The conversation whose request is in flight, so its button can say so. */
  pendingId: number | null;
  /** Why the last attempt failed, in words for the member; cleared by the next attempt. */
  error: string | null;
}

export function useMarkUnread(): MarkUnread {
  const { api } = useStaff();
  const [pendingId, setPendingId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const markUnread = useCallback(
    async (conversationId: number) => {
      setPendingId(conversationId);
      setError(null);
      const result = await api.request('conversation:markUnread', { conversationId });
      setPendingId((current) => (current === conversationId ? null : current));
      if (!result.ok) setError(`Couldn't mark it unread. ${describeError(result.error)}`);
      return result;
    },
    [api],
  );

  return { markUnread, pendingId, error };
}
