// The inbox list's rules, shared by the `conversation:list` and `conversation:counts` requests
// and by the first inbox handed over with a sign-in: one page of a view (the member's locations,
// or one of them; the member's own unread), the counts beside the views, and the first inbox,
// which checks the same declared permissions the two requests do, on the same session.
import { FIRST_INBOX_REQUEST, type ConversationListRequest, type ConversationPage, type FirstInbox } from '../../shared/inboxPage';
import { err, ok, type Result } from '../../shared/result';
import { staffRequests } from '../../shared/staffEvents';
import type { LocationCounts } from '../../shared/triageEvents';
import { checkStaffAccess } from '../auth/staffAccess';
import type { StaffSession } from '../auth/sessions.repository';
import { refuseWhileOff } from '../messages/sending';
import type { Repositories } from '../repositories';
import { decodeConversationCursor, encodeConversationCursor } from './cursor';

export const CONVERSATION_PAGE_DEFAULT = 30;

type Member = Pick<StaffSession, 'memberId' | 'locationIds'>;

/** One page of the member's inbox list (the caller has checked the session's permission). */
export function inboxPage(repos: Repositories, session: Member, request: ConversationListRequest): Result<ConversationPage> {
  if (request.locationId !== undefined && !session.locationIds.includes(request.locationId)) {
    return err('forbidden', 'You do not work at that location.');
  }
  const after = request.cursor === undefined ? null : decodeConversationCursor(request.cursor);
  if (request.cursor !== undefined && after === null) return err('bad_request', 'The cursor is not valid.');
  const off = refuseWhileOff(repos.workspace.settings());
  if (off) return off;

  const limit = request.limit ?? CONVERSATION_PAGE_DEFAULT;
  const rows = repos.conversations.page({
    memberId: session.memberId,
    view: request.view ?? 'all',
    locationIds: request.locationId === undefined ? session.locationIds : [request.locationId],
    unreadOnly: request.unreadOnly ?? false,
    after,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeConversationCursor(last) : null;
  return ok({ items, nextCursor });
}

/** The member's counts per location (the caller has checked the session's permission). */
export function inboxCounts(repos: Repositories, session: Member): Result<{ locations: LocationCounts[] }> {
  const off = refuseWhileOff(repos.workspace.settings());
  if (off) return off;
  return ok({ locations: repos.triage.counts(session.memberId, session.locationIds) });
}

/** What `conversation:list` with FIRST_INBOX_REQUEST and `conversation:counts` would answer this
 * session now, or undefined if either would be refused (no Access client chats, messaging off). */
export function firstInbox(repos: Repositories, session: StaffSession, now: number): FirstInbox | undefined {
  const allowed = (['conversation:list', 'conversation:counts'] as const).every(
    (request) => checkStaffAccess(session, staffRequests[request].permission, now).ok,
  );
  if (!allowed) return undefined;
  const page = inboxPage(repos, session, FIRST_INBOX_REQUEST);
  const counts = inboxCounts(repos, session);
  if (!page.ok || !counts.ok) return undefined;
  return { request: FIRST_INBOX_REQUEST, page: page.data, counts: counts.data.locations };
}
