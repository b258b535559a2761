// The quick replies offered in a conversation, filled in with its details: fetched on every
// (re)connect and again whenever the library changes at the member's locations.
import { useEffect, useState } from 'react';
import type { FilledQuickReply } from '../../shared/quickReplyEvents';
import { useStaff } from '../session/StaffContext';

export function useQuickReplies(conversationId: number): FilledQuickReply[] {
  const { api } = useStaff();
  const [replies, setReplies] = useState<FilledQuickReply[]>([]);
  useEffect(() => {
    let current = true;
    const load = () => {
      void api.request('quickReply:list', { conversationId }).then((result) => {
        if (current && result.ok) setReplies(result.data.items);
      });
    };
    const unsubscribers = [api.whenConnected(load), api.subscribe('quickReplies:changed', load)];
    return () => {
      current = false;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api, conversationId]);
  return replies;
}
