// The library's rules, shared by the create, edit and delete handlers: locations must be the
// workspace's, the library has a size limit, an edit names the version it was made from, and
// every change is audited in its own transaction. Each change answers which locations' staff
// should hear of it (a reply for every location concerns them all).
import { err, ok, type Result } from '../../shared/result';
import { QUICK_REPLIES_MAX, type QuickReply, type QuickReplyDraft } from '../../shared/quickReplyEvents';
import type { AuditAction } from '../audit/audit.repository';
import type { Repositories } from '../repositories';

export type Actor = { id: number; name: string };
export type LibraryChange = { reply: QuickReply; locationIds: number[] };

export const QUICK_REPLY_NOT_FOUND = 'This quick reply does not exist. It may have been deleted.';

export function createQuickReplyLibrary(repos: Repositories) {
  const workspaceLocationIds = () => repos.workspace.locations().map((location) => location.id);

  /** What the audit log keeps of a reply: its words and where it is offered, by name. */
  const audited = (reply: QuickReply) => {
    const names = repos.workspace.locationsByIds(reply.locationIds).map((location) => location.name);
    return { title: reply.title, text: reply.text, locations: names.length > 0 ? names : 'All locations' };
  };
  const record = (action: AuditAction, actor: Actor, now: number, before: QuickReply | null, after: QuickReply | null) =>
    repos.audit.record({
      at: now,
      actor,
      action,
      subject: `Quick reply “${(after ?? before)!.title}”`,
      before: before && audited(before),
      after: after && audited(after),
    });

  /** The locations a change concerns: those of the reply before and after, or every one. */
  const concerned = (...replies: QuickReply[]): number[] =>
    replies.some((reply) => reply.locationIds.length === 0)
      ? workspaceLocationIds()
      : [...new Set(replies.flatMap((reply) => reply.locationIds))];

  const checkLocations = (draft: QuickReplyDraft): Result<null> => {
    const known = new Set(workspaceLocationIds());
    return draft.locationIds.every((id) => known.has(id))
      ? ok(null)
      : err('bad_request', 'The request is not valid.', [{ path: 'reply.locationIds', message: 'Choose locations of this workspace.' }]);
  };

  return {
    create(draft: QuickReplyDraft, actor: Actor, now: number): Result<LibraryChange> {
      const locations = checkLocations(draft);
      if (!locations.ok) return locations;
      return repos.transaction(() => {
        if (repos.quickReplies.count() >= QUICK_REPLIES_MAX) {
          return err('conflict', `The library holds at most ${QUICK_REPLIES_MAX} quick replies. Delete one you no longer use first.`);
        }
        const reply = repos.quickReplies.create(draft, now);
        record('quickReply.create', actor, now, null, reply);
        return ok({ reply, locationIds: concerned(reply) });
      });
    },

    /** Unchanged words and locations save nothing (no new version, no audit entry, no push). */
    update(id: number, draft: QuickReplyDraft, baseVersion: number, actor: Actor, now: number): Result<LibraryChange> {
      const locations = checkLocations(draft);
      if (!locations.ok) return locations;
      return repos.transaction(() => {
        const before = repos.quickReplies.find(id);
        if (!before) return err('not_found', QUICK_REPLY_NOT_FOUND);
        if (before.version !== baseVersion) {
          return err('conflict', 'Someone else saved this quick reply since you opened it. Review it and save again.', before);
        }
        const sameLocations = [...draft.locationIds].sort((a, b) => a - b).join() === before.locationIds.join();
        if (before.title === draft.title && before.text === draft.text && sameLocations) return ok({ reply: before, locationIds: [] });
        const after = repos.quickReplies.update(id, draft, now);
        record('quickReply.update', actor, now, before, after);
        return ok({ reply: after, locationIds: concerned(before, after) });
      });
    },

    delete(id: number, actor: Actor, now: number): Result<LibraryChange> {
      return repos.transaction(() => {
        const before = repos.quickReplies.find(id);
        if (!before) return err('not_found', QUICK_REPLY_NOT_FOUND);
        repos.quickReplies.delete(id);
        record('quickReply.delete', actor, now, before, null);
        return ok({ reply: before, locationIds: concerned(before) });
      });
    },
  };
}
