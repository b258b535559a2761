// A desktop notification when a colleague mentions the member in a note, live or when a
// reconnect's catch-up replays it (once per note either way).
import { useCallback } from 'react';
import type { NotificationContext } from '../inbox/notificationRules';
import { useOncePerIdNotifications } from '../inbox/useOncePerIdNotifications';
import { mentionNotificationRequest } from './mentionNotifications';

export function useMentionNotifications(currentContext: () => NotificationContext) {
  useOncePerIdNotifications(
    'note:mentioned',
    useCallback(({ note }) => note.id, []),
    useCallback(({ note, conversation }, memberId) => mentionNotificationRequest(note, conversation, memberId, currentContext()), [currentContext]),
  );
}
