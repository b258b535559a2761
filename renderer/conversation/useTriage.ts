// Status, snooze and assignment of the open conversation: what they are now (kept live), and
// changing them. Every change goes through the member's outbox (renderer/sending), so one made
// offline waits on this computer in order with the replies and goes out once; the outbox's
// waiting and refused changes for this conversation, and changes someone else's overtook, show
// here.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ConversationSummary, MemberRef } from '../../shared/domain';
import { describeError } from '../api/errors';
import { useOffline } from '../offline/OfflineContext';
import { isQueuedChange, isStoredMessage } from '../sending/staffOutbox';
import type { TriageChange } from '../sending/queuedChange';
import { useStaff } from '../session/StaffContext';
import { newerTriage, type TriageFields } from './triageState';

export interface WaitingChange {
  changeId: string;
  change: TriageChange;
  state: 'pending' | 'sending' | 'failed';
  /** Why the server refused it (failed only). */
  problem: string | null;
}

export function useTriage(conversationId: number, summary: ConversationSummary | null) {
  const { api } = useStaff();
  const { outbox } = useOffline();
  const [heard, setHeard] = useState<TriageFields | null>(null);
  const hear = useCallback((fields: TriageFields) => setHeard((held) => newerTriage(held, fields)), []);
  const current = summary ? newerTriage(heard, summary) : heard;

  useEffect(() => {
    const unsubscribers = [
      // The list's copy may predate changes made while this conversation was not open.
      api.whenConnected(() => {
        void api.request('conversation:get', { conversationId }).then((result) => result.ok && hear(result.data.conversation));
      }),
      api.subscribe('conversation:triaged', ({ conversation }) => conversation.id === conversationId && hear(conversation)),
      api.subscribe('message:created', ({ conversation }) => conversation.id === conversationId && hear(conversation)),
      outbox.onDelivered((delivered, entry) => {
        if (isStoredMessage(delivered) || entry.payload.conversationId !== conversationId) return;
        if ('change' in delivered && delivered.change === 'applied') hear(delivered.result.conversation);
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, outbox, conversationId, hear]);

  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const waiting = useMemo<WaitingChange[]>(
    () =>
      snapshot.entries.flatMap((entry) => {
        const { payload } = entry;
        if (!isQueuedChange(payload) || payload.conversationId !== conversationId) return [];
        const state = entry.state === 'failed' ? 'failed' : snapshot.inFlight === entry.senderMessageId ? 'sending' : 'pending';
        return [{ changeId: entry.senderMessageId, change: payload.change, state, problem: entry.error ? describeError(entry.error) : null }];
      }),
    [snapshot, conversationId],
  );

  const { conflicts } = outbox;
  const allConflicts = useSyncExternalStore(conflicts.subscribe, conflicts.snapshot);
  const conflictsHere = useMemo(() => allConflicts.filter((notice) => notice.conversationId === conversationId), [allConflicts, conversationId]);
  useEffect(() => void conflicts.refresh(), [conflicts]);
  // A change was not applied: show the conversation as it is now.
  const latestConflict = conflictsHere.at(-1)?.changeId;
  useEffect(() => {
    if (latestConflict === undefined) return;
    void api.request('conversation:get', { conversationId }).then((result) => result.ok && hear(result.data.conversation));
  }, [api, conversationId, latestConflict, hear]);

  const change = useCallback(
    (next: TriageChange) => {
      if (!current) return;
      const entry = {
        senderMessageId: crypto.randomUUID(),
        queue: String(conversationId),
        payload: { conversationId, expectedVersion: current.triageVersion, change: next },
      };
      void outbox.enqueue(entry).then(() => outbox.flush());
    },
    [outbox, conversationId, current],
  );

  const [assignees, setAssignees] = useState<MemberRef[] | null>(null);
  const loadAssignees = useCallback(() => {
    void api.request('conversation:assignees', { conversationId }).then((result) => result.ok && setAssignees(result.data.members));
  }, [api, conversationId]);

  return {
    current,
    waiting,
    conflicts: conflictsHere,
    dismissConflict: (changeId: string) => void conflicts.dismiss(changeId),
    setStatus: (status: 'open' | 'done') => change({ type: 'status', status }),
    snooze: (until: number) => change({ type: 'snooze', until }),
    assign: (assignee: MemberRef | null) => change({ type: 'assign', assignee }),
    retry: (changeId: string) => void outbox.retry(changeId).then(() => outbox.flush()),
    discard: (changeId: string) => void outbox.discard(changeId).then(() => outbox.flush()),
    assignees,
    loadAssignees,
  };
}
export type Triage = ReturnType<typeof useTriage>;
