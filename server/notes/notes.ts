// The rules of internal notes, apart from the socket handlers: a note is written once per
// writer and id (a retry after a reconnect answers the stored note), and its @mentions notify
// only colleagues who can see the conversation; the others are named back to the writer.
import { err, ok, type Result } from '../../shared/result';
import type { InternalNote } from '../../shared/noteEvents';
import type { MemberRef } from '../../shared/domain';
import type { ConversationRecord } from '../conversations/conversations.repository';
import type { Repositories } from '../repositories';

export type NoteRequest = {
  conversation: ConversationRecord;
  authorId: number;
  senderNoteId: string;
  text: string;
  mentionIds: readonly number[];
  now: number;
};

/** The stored note, whether this request stored it (false: a retry), and the mentioned
 * colleagues who were not notified because they cannot see the conversation. */
export type NoteOutcome = { note: InternalNote; created: boolean; notNotified: MemberRef[] };

export const NOT_ON_TEAM = 'Someone you mentioned is not on the team.';
export const ID_REUSED = 'This note id was already used for another note.';

/** Whom a note's mentions notify, and whom not (with their names), or why it is refused. */
function sortMentions(repos: Repositories, request: NoteRequest): Result<{ notify: number[]; notNotified: MemberRef[] }> {
  const asked = [...new Set(request.mentionIds)].filter((id) => id !== request.authorId);
  const mentionable = new Map(repos.notes.mentionable(request.conversation.locationId, request.authorId).map((member) => [member.id, member]));
  const notify = asked.filter((id) => mentionable.get(id)?.canSee === true);
  const cannotSee = asked.filter((id) => !notify.includes(id));
  const named = repos.notes.memberNames(cannotSee);
  if (named.length !== cannotSee.length) return err('bad_request', NOT_ON_TEAM, [{ path: 'mentionIds', message: NOT_ON_TEAM }]);
  return ok({ notify, notNotified: named });
}

/** Stores a note (inside the caller's transaction) or answers the one already stored. */
export function addNote(repos: Repositories, request: NoteRequest): Result<NoteOutcome> {
  const sorted = sortMentions(repos, request);
  if (!sorted.ok) return sorted;
  const { notify, notNotified } = sorted.data;
  const stored = repos.notes.byClientNoteId(request.authorId, request.senderNoteId);
  if (stored) {
    if (stored.conversationId !== request.conversation.id) return err('conflict', ID_REUSED);
    return ok({ note: stored, created: false, notNotified });
  }
  const note = repos.notes.add(
    { conversationId: request.conversation.id, authorId: request.authorId, text: request.text, senderNoteId: request.senderNoteId, createdAt: request.now },
    notify,
  );
  return ok({ note, created: true, notNotified });
}
