// The open conversation's staff-only events for its timeline: fetched on every (re)connect,
// live from 'conversation:triaged' (which a reconnect's catch-up also replays), and kept in
// the offline cache beside its messages so the history reads the same offline.
import { useEffect, useRef, useState } from 'react';
import type { ConversationEvent } from '../../shared/triageEvents';
import { offlineCache } from '../offline/offlineCache';
import { useStaff } from '../session/StaffContext';
import { mergeEvents } from './conversationEvents';

/** Writes are spaced out: a burst of pushes costs one write. */
const WRITE_DELAY_MS = 500;

export function useConversationEvents(conversationId: number): ConversationEvent[] {
  const { api, bridge, session } = useStaff();
  const memberId = session.member.id;
  const [events, setEvents] = useState<ConversationEvent[]>([]);
  const fetched = useRef(false);

  useEffect(() => {
    let current = true;
    const receive = (incoming: readonly ConversationEvent[]) => current && setEvents((held) => mergeEvents(held, incoming));
    // The cached copy only until the server answers.
    void offlineCache.readEvents(bridge, memberId, conversationId).then((cached) => cached && !fetched.current && receive(cached));
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('conversation:events', { conversationId }).then((result) => {
          if (!result.ok) return;
          fetched.current = true;
          receive(result.data.items);
        });
      }),
      api.subscribe('conversation:triaged', ({ event }) => event.conversationId === conversationId && receive([event])),
    ];
    return () => {
      current = false;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api, bridge, memberId, conversationId]);

  useEffect(() => {
    if (events.length === 0) return undefined;
    const timer = window.setTimeout(() => void offlineCache.writeEvents(bridge, memberId, conversationId, events), WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [bridge, memberId, conversationId, events]);

  return events;
}
