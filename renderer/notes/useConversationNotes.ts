// The open conversation's internal notes for its timeline: fetched on every (re)connect, live
// from 'note:created' (which a reconnect's catch-up also replays), kept in the offline cache
// beside its messages, and this member's notes still in the outbox shown as waiting.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { InternalNote } from '../../shared/noteEvents';
import type { TimelineNote } from '../chat/timeline';
import { offlineCache } from '../offline/offlineCache';
import { useOffline } from '../offline/OfflineContext';
import { useStaff } from '../session/StaffContext';
import { isQueuedNote } from './queuedNote';
import { mergeNotes, noteRows, type WaitingNote } from './noteTimeline';

/** Writes are spaced out: a burst of pushes costs one write. */
const WRITE_DELAY_MS = 500;

export function useConversationNotes(conversationId: number): TimelineNote[] {
  const { api, bridge, session } = useStaff();
  const { outbox } = useOffline();
  const memberId = session.member.id;
  const [notes, setNotes] = useState<InternalNote[]>([]);
  const fetched = useRef(false);

  useEffect(() => {
    let current = true;
    const receive = (incoming: readonly InternalNote[]) => current && setNotes((held) => mergeNotes(held, incoming));
    // The cached copy only until the server answers.
    void offlineCache.readNotes(bridge, memberId, conversationId).then((cached) => cached && !fetched.current && receive(cached));
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('note:list', { conversationId }).then((result) => {
          if (!result.ok) return;
          fetched.current = true;
          receive(result.data.items);
        });
      }),
      api.subscribe('note:created', ({ note }) => note.conversationId === conversationId && receive([note])),
      // The outbox's answer can come before the push: either way the note joins once.
      outbox.onDelivered((delivered) => 'note' in delivered && delivered.note.conversationId === conversationId && receive([delivered.note])),
    ];
    return () => {
      current = false;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api, bridge, outbox, memberId, conversationId]);

  useEffect(() => {
    if (notes.length === 0) return undefined;
    const timer = window.setTimeout(() => void offlineCache.writeNotes(bridge, memberId, conversationId, notes), WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [bridge, memberId, conversationId, notes]);

  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const waiting = useMemo<WaitingNote[]>(
    () =>
      snapshot.entries.flatMap((entry) =>
        isQueuedNote(entry.payload) && entry.payload.conversationId === conversationId
          ? [{ senderNoteId: entry.senderMessageId, text: entry.payload.note.text, createdAt: entry.createdAt, failed: entry.state === 'failed' }]
          : [],
      ),
    [snapshot, conversationId],
  );
  const memberName = session.member.name;
  return useMemo(() => noteRows(notes, waiting, memberName), [notes, waiting, memberName]);
}
