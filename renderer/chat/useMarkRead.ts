// Marks the other side's messages read while the conversation is on screen in a focused
// window, once per newest message, and applies the receipt locally when the server confirms.
import { useEffect, useRef, type Dispatch } from 'react';
import type { Result } from '../../shared/result';
import { hasUnreadBy, newestMessageBy, type AuthorKind, type TimelineAction, type TimelineState } from './timeline';

export function useMarkRead(
  timeline: TimelineState,
  otherSide: AuthorKind,
  active: boolean,
  markRead: (upToMessageId: number) => Promise<Result<{ readAt: number }>>,
  dispatch: Dispatch<TimelineAction>,
): void {
  const requestedUpTo = useRef(0);
  const newestId = newestMessageBy(timeline, otherSide)?.id;
  const unread = hasUnreadBy(timeline, otherSide);

  useEffect(() => {
    if (!active || !unread || newestId === undefined || requestedUpTo.current >= newestId) return;
    requestedUpTo.current = newestId;
    void markRead(newestId).then((result) => {
      if (result.ok) dispatch({ type: 'read', authorKind: otherSide, upToMessageId: newestId, readAt: result.data.readAt });
      // Let the next render try again, e.g. after reconnecting.
      else if (requestedUpTo.current === newestId) requestedUpTo.current = 0;
    });
  }, [active, unread, newestId, otherSide, markRead, dispatch]);
}
