// The triage rules staff handlers and the send path share: what a status, snooze or
// assignment change does, how a client message brings a conversation back to Open, and how a
// snooze ends. Every change runs inside a write transaction and returns the event it made.
import { err, ok, type Result } from '../../shared/result';
import { SNOOZE_MAX_MS, type ConversationEvent } from '../../shared/triageEvents';
import type { Repositories } from '../repositories';
import type { NewEvent, TriageState } from './triage.repository';

export type TriageChange =
  | { kind: 'status'; status: 'open' | 'done' }
  | { kind: 'snooze'; until: number }
  | { kind: 'assign'; assigneeId: number | null };

export type ChangeRequest = {
  memberId: number;
  conversationId: number;
  expectedVersion: number;
  changeId: string;
  change: TriageChange;
  now: number;
};

type Next = { state: Pick<TriageState, 'id' | 'status' | 'snoozedUntil' | 'assigneeId'>; kind: ConversationEvent['kind'] };

export const CHANGED_MEANWHILE =
  'Someone changed this conversation before your change reached the server, so yours was not applied.';

/** The state a change leads to, null when it changes nothing, or why it is refused. */
function nextState(repos: Repositories, current: TriageState, change: TriageChange, now: number): Result<Next | null> {
  const keep = { id: current.id, status: current.status, snoozedUntil: current.snoozedUntil, assigneeId: current.assigneeId };
  switch (change.kind) {
    case 'status':
      if (change.status === current.status) return ok(null);
      return ok({
        state: { ...keep, status: change.status, snoozedUntil: null },
        kind: change.status === 'done' ? 'done' : current.status === 'snoozed' ? 'unsnoozed' : 'reopened',
      });
    case 'snooze': {
      if (change.until <= now) return err('bad_request', 'Choose a time in the future to snooze until.', [{ path: 'until', message: 'Choose a time in the future.' }]);
      if (change.until > now + SNOOZE_MAX_MS) return err('bad_request', 'A conversation can be snoozed for a year at most.', [{ path: 'until', message: 'At most a year ahead.' }]);
      if (current.status === 'snoozed' && current.snoozedUntil === change.until) return ok(null);
      return ok({ state: { ...keep, status: 'snoozed', snoozedUntil: change.until }, kind: 'snoozed' });
    }
    case 'assign': {
      if (change.assigneeId === current.assigneeId) return ok(null);
      if (change.assigneeId === null) return ok({ state: { ...keep, assigneeId: null }, kind: 'unassigned' });
      const assigneeId = change.assigneeId;
      if (!repos.triage.assignees(current.locationId).some((member) => member.id === assigneeId)) {
        const message = 'That team member cannot reply at this location, so the conversation cannot be assigned to them.';
        return err('bad_request', message, [{ path: 'assigneeId', message }]);
      }
      return ok({ state: { ...keep, assigneeId }, kind: 'assigned' });
    }
  }
}

/** Applies a member's change, once per change id, if nobody changed the conversation since the
 * version the member decided on. Answers the event (null: it was already so). */
export function applyChange(repos: Repositories, request: ChangeRequest): Result<ConversationEvent | null> {
  const retried = repos.triage.eventOfChange(request.memberId, request.changeId);
  if (retried) return ok(retried);
  const current = repos.triage.state(request.conversationId);
  if (!current) return err('not_found', 'This conversation does not exist.');
  if (current.triageVersion !== request.expectedVersion) return err('conflict', CHANGED_MEANWHILE);
  const next = nextState(repos, current, request.change, request.now);
  if (!next.ok || next.data === null) return next.ok ? ok(null) : next;
  return ok(record(repos, next.data, { cause: 'member', actorId: request.memberId, changeId: request.changeId, createdAt: request.now }));
}

function record(
  repos: Repositories,
  { state, kind }: Next,
  how: Pick<NewEvent, 'cause' | 'actorId' | 'changeId' | 'createdAt'>,
): ConversationEvent {
  return repos.triage.change(state, {
    conversationId: state.id,
    kind,
    ...how,
    assigneeId: kind === 'assigned' ? state.assigneeId : null,
    snoozedUntil: kind === 'snoozed' ? state.snoozedUntil : null,
  });
}

/** Work that commits with each stored message: members' unread state, and a client message
 * brings a Done or Snoozed conversation back to Open. Returns the event, if one was made. */
export function afterMessageStored(
  repos: Repositories,
  message: { conversationId: number; fromClient: boolean; createdAt: number },
): ConversationEvent | null {
  const current = repos.triage.state(message.conversationId);
  if (!current) return null;
  repos.triage.messageStored(current.id, current.locationId, message.createdAt, message.fromClient);
  if (!message.fromClient || current.status === 'open') return null;
  const keep = { id: current.id, assigneeId: current.assigneeId };
  return record(
    repos,
    { state: { ...keep, status: 'open', snoozedUntil: null }, kind: 'reopened' },
    { cause: 'client-message', actorId: null, changeId: null, createdAt: message.createdAt },
  );
}

/** "Send and mark done": the member's reply is stored, then the conversation is Done. */
export function markDoneAfterReply(repos: Repositories, conversationId: number, memberId: number, now: number): ConversationEvent | null {
  const current = repos.triage.state(conversationId);
  if (!current || current.status === 'done') return null;
  return record(
    repos,
    { state: { id: current.id, assigneeId: current.assigneeId, status: 'done', snoozedUntil: null }, kind: 'done' },
    { cause: 'member', actorId: memberId, changeId: null, createdAt: now },
  );
}

/** A snooze whose time has come: Open again. Null when it is no longer snoozed. */
export function endSnooze(repos: Repositories, conversationId: number, now: number): ConversationEvent | null {
  const current = repos.triage.state(conversationId);
  if (!current || current.status !== 'snoozed' || current.snoozedUntil === null || current.snoozedUntil > now) return null;
  return record(
    repos,
    { state: { id: current.id, assigneeId: current.assigneeId, status: 'open', snoozedUntil: null }, kind: 'unsnoozed' },
    { cause: 'snooze-ended', actorId: null, changeId: null, createdAt: now },
  );
}
