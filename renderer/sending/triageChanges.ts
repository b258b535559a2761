// Status, snooze and assignment changes as outbox entries: made offline they wait on the device
// with the replies, in the same per-conversation order (a reply, then "mark done"), and go out
// once each (the entry's id is the change's id, reused by every retry). A change that someone
// else's overtook is answered 'conflict': it is not applied, not retried, and kept as a notice
// for the conversation to show.
import type { OutboxEntry } from '../../shared/offline/outbox';
import { err, ok, type AppError, type Result } from '../../shared/result';
import type { TriageResult } from '../../shared/triageEvents';
import type { StaffApi } from '../api/staffApi';
import type { ConflictNotices } from './conflictNotices';
import type { QueuedChange } from './queuedChange';

/** What the outbox hands on for a change entry it settled. */
export type ChangeAck = { change: 'applied'; result: TriageResult } | { change: 'conflict' };

/** The versions this device's own changes moved conversations to. Changes queued one after the
 * other were all decided on the version seen before the first; once the first applies, the
 * next names the version it produced, so a device's own queue never conflicts with itself.
 * `unknown`: a reply with "mark done" moved it on, and its answer (the message) does not say
 * to which version: the next change asks the server. Kept in memory: after a reload a queued
 * change names the version the member saw, at worst answered as a conflict and shown. */
export function createOwnVersions() {
  const moved = new Map<number, { from: number; to: number | 'unknown' }>();
  return {
    /** A change decided on version `from` left the conversation at `to`. */
    moved(conversationId: number, from: number, to: number | 'unknown') {
      moved.set(conversationId, { from, to });
    },
    /** The version to send for a change decided on `seen`: `unknown` when the server must say. */
    expected(conversationId: number, seen: number): number | 'unknown' {
      const own = moved.get(conversationId);
      return own && own.from === seen ? own.to : seen;
    },
  };
}
export type OwnVersions = ReturnType<typeof createOwnVersions>;

type TriageApi = Pick<StaffApi, 'request'>;

function requestChange(api: TriageApi, payload: QueuedChange, expectedVersion: number, changeId: string): Promise<Result<TriageResult>> {
  const common = { conversationId: payload.conversationId, expectedVersion, changeId };
  const { change } = payload;
  switch (change.type) {
    case 'status':
      return api.request('conversation:setStatus', { ...common, status: change.status });
    case 'snooze':
      return api.request('conversation:snooze', { ...common, until: change.until });
    case 'assign':
      return api.request('conversation:assign', { ...common, assigneeId: change.assignee?.id ?? null });
  }
}

export async function sendChange(
  api: TriageApi,
  entry: OutboxEntry<QueuedChange>,
  versions: OwnVersions,
  conflicts: ConflictNotices,
): Promise<Result<ChangeAck>> {
  const { conversationId, expectedVersion: seen } = entry.payload;
  let expected = versions.expected(conversationId, seen);
  if (expected === 'unknown') {
    const current = await api.request('conversation:get', { conversationId });
    if (!current.ok) return current;
    expected = current.data.conversation.triageVersion;
  }
  const result = await requestChange(api, entry.payload, expected, entry.senderMessageId);
  if (result.ok) {
    versions.moved(conversationId, seen, result.data.conversation.triageVersion);
    return ok({ change: 'applied', result: result.data });
  }
  if (result.error.code !== 'conflict') return result;
  await conflicts.add(await describeConflict(api, entry, result.error));
  return ok({ change: 'conflict' });
}

/** The notice kept for a change that was not applied: the latest event (what overtook it). */
async function describeConflict(api: TriageApi, entry: OutboxEntry<QueuedChange>, error: AppError) {
  const { conversationId } = entry.payload;
  const events = await api.request('conversation:events', { conversationId });
  const overtakenBy = events.ok ? (events.data.items.at(-1) ?? null) : null;
  return { changeId: entry.senderMessageId, conversationId, change: entry.payload.change, overtakenBy, serverMessage: error.message, createdAt: entry.createdAt };
}

export const notConnected = () => Promise.resolve(err('unavailable', 'Not connected.'));
