// A desktop notification when a colleague assigns a conversation to the member, live or when a
// reconnect's catch-up replays it (once per event either way). A click opens the conversation
// like a message notification's (useMessageNotifications registers the click).
import { useEffect, useRef } from 'react';
import { useLockState } from '../reception/LockContext';
import { usePrefsSync } from '../profile/PrefsContext';
import { useStaff } from '../session/StaffContext';
import { assignmentNotificationRequest } from './assignmentNotifications';

/** Enough to cover a catch-up replay of events that also came live. */
const REMEMBERED_EVENTS = 1_000;

export function useAssignmentNotifications(openConversationId: number | null) {
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
    return api.subscribe('conversation:triaged', ({ conversation, event }) => {
      if (notified.has(event.id)) return;
      const view = { openConversationId: openId.current, prefs: prefs.prefs(), locked: lockedRef.current };
      const request = assignmentNotificationRequest(event, conversation, memberId, view);
      if (!request) return;
      notified.add(event.id);
      if (notified.size > REMEMBERED_EVENTS) notified.delete(notified.values().next().value!);
      bridge.notify(request);
    });
  }, [api, bridge, prefs, memberId]);
}
