// A desktop notification when a colleague mentions the member in a note, live or when a
// reconnect's catch-up replays it (once per note either way). A click opens the conversation
// like a message notification's (useMessageNotifications registers the click).
import { useEffect, useRef } from 'react';
import { useLockState } from '../reception/LockContext';
import { usePrefsSync } from '../profile/PrefsContext';
import { useStaff } from '../session/StaffContext';
import { mentionNotificationRequest } from './mentionNotifications';

/** Enough to cover a catch-up replay of notes that also came live. */
const REMEMBERED_NOTES = 1_000;

export function useMentionNotifications(openConversationId: number | null) {
  const { api, bridge, session } = useStaff();
  const prefs = usePrefsSync();
  const memberId = session.member.id;
  const openId = useRef(openConversationId);
  useEffect(() => {
    openId.current = openConversationId;
  }, [openConversationId]);
  const { locked } = useLockState();
  const lockedRef = useRef(locked);
  useEffect(() => {
    lockedRef.current = locked;
  }, [locked]);

  useEffect(() => {
    const notified = new Set<number>();
    return api.subscribe('note:mentioned', ({ note, conversation }) => {
      if (notified.has(note.id)) return;
      const view = { openConversationId: openId.current, prefs: prefs.prefs(), locked: lockedRef.current };
      const request = mentionNotificationRequest(note, conversation, memberId, view);
      if (!request) return;
      notified.add(note.id);
      if (notified.size > REMEMBERED_NOTES) notified.delete(notified.values().next().value!);
      bridge.notify(request);
    });
  }, [api, bridge, prefs, memberId]);
}
