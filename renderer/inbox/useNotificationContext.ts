// What every desktop notification of the inbox is decided with, as it is when a push arrives:
// the open conversation, the member's preferences and the screen lock. Read through refs, so a
// subscription made once sees the latest without subscribing again.
import { useCallback, useEffect, useRef } from 'react';
import { usePrefsSync } from '../profile/PrefsContext';
import { useLockState } from '../reception/LockContext';
import type { NotificationContext } from './notificationRules';

export function useNotificationContext(openConversationId: number | null): () => NotificationContext {
  const prefs = usePrefsSync();
  const openId = useRef(openConversationId);
  useEffect(() => {
    openId.current = openConversationId;
  }, [openConversationId]);
  const { locked } = useLockState();
  const lockedRef = useRef(locked);
  useEffect(() => {
    lockedRef.current = locked;
  }, [locked]);
  return useCallback(() => ({ openConversationId: openId.current, prefs: prefs.prefs(), locked: lockedRef.current }), [prefs]);
}
