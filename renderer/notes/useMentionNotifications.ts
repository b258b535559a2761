// A desktop notification when a colleague mentions the member in a note, live or when a
// reconnect's catch-up replays it (once per note either way). A click opens the conversation
// like a message notification's (useMessageNotifications registers the click).
import { useEffect } from 'react';
import type { NotificationContext } from '../inbox/notificationRules';
import { useStaff } from '../session/StaffContext';
import { mentionNotificationRequest } from './mentionNotifications';

/** Enough to cover a catch-up replay of notes that also came live. */
const REMEMBERED_NOTES = 1_000;

export function useMentionNotifications(currentContext: () => NotificationContext) {
  const { api, bridge, session } = useStaff();
  const memberId = session.member.id;

  useEffect(() => {
    const notified = new Set<number>();
    return api.subscribe('note:mentioned', ({ note, conversation }) => {
      if (notified.has(note.id)) return;
      const request = mentionNotificationRequest(note, conversation, memberId, currentContext());
      if (!request) return;
      notified.add(note.id);
      if (notified.size > REMEMBERED_NOTES) notified.delete(notified.values().next().value!);
      bridge.notify(request);
    });
  }, [api, bridge, currentContext, memberId]);
}
