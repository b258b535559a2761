// One authorization for staff requests, over sockets and HTTP alike: a live session holding the
// permission the request declares (deny by default). Socket events declare theirs in the staff
// protocol, HTTP routes in `staffHttpRoutes` (shared/http.ts); both come through here.
import { staffHttpRoutes, type StaffHttpRoute } from '../../shared/http';
import { can, SIGNED_IN, type Permission, type RequiredPermission } from '../../shared/permissions';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../clock';
import type { Repositories } from '../repositories';
import { HttpError, statusOf } from '../http/errors';
import type { ApiRequest, Route } from '../http/router';
import type { StaffSession } from './sessions.repository';
import { bearerToken, hashToken } from './tokens';

export const FORBIDDEN_MESSAGES: Record<Permission, string> = {
  'chats.access': 'You do not have the Access client chats permission. Ask a workspace owner to update your permissions.',
  'chats.reply': 'You do not have the Reply to client chats permission. Ask a workspace owner to update your permissions.',
  'settings.manage': 'You do not have permission to manage settings.',
  'team.manage': 'You do not have permission to manage the team.',
  'audit.view': 'Only workspace owners can see the audit log.',
};

export const NOT_SIGNED_IN = 'You are not signed in, or your session has expired.';

/** The rule itself: the session is unexpired and grants the permission. */
export function checkStaffAccess(session: StaffSession | null, permission: RequiredPermission, now: number): Result<StaffSession> {
  if (!session) return err('unauthenticated', NOT_SIGNED_IN);
  if (now >= session.expiresAt) return err('unauthenticated', 'Your session has expired. Sign in again.');
  if (permission !== SIGNED_IN && !can(session.grants, permission)) return err('forbidden', FORBIDDEN_MESSAGES[permission]);
  return ok(session);
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;

/** The HTTP side: the Bearer session token of a member who still exists, then the rule. */
export function createStaffAccess({ repos, clock }: { repos: Repositories; clock: Clock }) {
  /** The request's live staff session, or null (no token, an unknown or ended one). */
  function sessionOf(request: ApiRequest): StaffSession | null {
    const token = bearerToken(request.req.headers.authorization);
    const session = token === null ? null : repos.sessions.findActive(hashToken(token), clock.now());
    return session && repos.team.memberById(session.memberId) ? session : null;
  }

  /** Checks a session against a declared route's permission; throws the refusal as HTTP. */
  function authorize(session: StaffSession | null, route: StaffHttpRoute): StaffSession {
    const checked = checkStaffAccess(session, staffHttpRoutes[route], clock.now());
    if (!checked.ok) throw new HttpError(statusOf[checked.error.code], checked.error.code, checked.error.message);
    return checked.data;
  }

  return {
    sessionOf,
    authorize,
    /** A staff route: its method and path are its declaration's key, so it cannot be registered
     * without a permission; the handler runs only for a session that holds it. */
    route(route: StaffHttpRoute, handle: (request: ApiRequest, session: StaffSession) => unknown): Route {
      const [method, path] = route.split(' ') as [Route['method'], string];
      return { method, path, handle: (request) => handle(request, authorize(sessionOf(request), route)) };
    },
  };
}
