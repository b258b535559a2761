// Staff requests of the team inbox: status, snooze, assignment, marking unread, the staff-only
// events of a conversation and the views' counts. The rules are in triage.ts.
import { err, ok, type Result } from '../../shared/result';
import { EVENTS_PAGE_MAX, type TriageResult } from '../../shared/triageEvents';
import { conversationForStaff } from '../conversations/access';
import { inboxCounts } from '../conversations/inboxPages';
import { refuseWhileOff } from '../messages/sending';
import type { RealtimeContext } from '../realtime/context';
import type { StaffRequestContext } from '../realtime/on';
import type { StaffSocket } from '../realtime/types';
import { applyChange, type TriageChange } from './triage';

type ChangePayload = { conversationId: number; expectedVersion: number; changeId: string };

export function registerTriageHandlers(socket: StaffSocket, context: RealtimeContext): void {
  const { repos, clock, onStaff, pushes, writes, snoozes } = context;

  /** One path for every change: the conversation must be the member's, messaging on; the change
   * is decided inside the write queue (after anything the member sent before it), answered once
   * committed and then pushed to the location. */
  async function change(payload: ChangePayload, triage: TriageChange, { session, afterAck }: StaffRequestContext): Promise<Result<TriageResult>> {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const applied = await writes.run(() =>
      applyChange(repos, { memberId: session.memberId, ...payload, change: triage, now: clock.now() }),
    );
    if (!applied.ok) return applied;
    const conversation = repos.conversations.sharedSummary(payload.conversationId);
    if (!conversation) return err('not_found', 'This conversation does not exist.');
    const event = applied.data;
    if (event) {
      afterAck(() => pushes.triaged(conversation, event));
      if (triage.kind !== 'assign') snoozes.reschedule();
    }
    return ok({ conversation, event });
  }

  onStaff(socket, 'conversation:setStatus', (payload, request) => change(payload, { kind: 'status', status: payload.status }, request));
  onStaff(socket, 'conversation:snooze', (payload, request) => change(payload, { kind: 'snooze', until: payload.until }, request));
  onStaff(socket, 'conversation:assign', (payload, request) => change(payload, { kind: 'assign', assigneeId: payload.assigneeId }, request));

  onStaff(socket, 'conversation:assignees', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    return ok({ members: repos.triage.assignees(access.data.locationId) });
  });

  onStaff(socket, 'conversation:markUnread', (payload, { session, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    const unreadCount = repos.transaction(() => repos.triage.markUnread(session.memberId, payload.conversationId));
    afterAck(() => pushes.unreadUpdated(session.memberId, { conversationId: payload.conversationId, unreadCount }));
    return ok({ conversationId: payload.conversationId, unreadCount });
  });

  onStaff(socket, 'conversation:events', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const off = refuseWhileOff(repos.workspace.settings());
    if (off) return off;
    return ok({ items: repos.triage.events(payload.conversationId, EVENTS_PAGE_MAX) });
  });

  onStaff(socket, 'conversation:counts', (_payload, { session }) => inboxCounts(repos, session));
}
