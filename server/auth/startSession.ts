// Starts a staff session for a member who has proved who they are (password or PIN): snapshots
// their grants and locations (R8) and returns the token once. A password sign-in also lifts a
// wrong-PIN lockout, which is what "locked until you sign in with your password" means. The
// answer carries the member's first inbox, so the app draws it before its socket is up.
import type { SignInResponse } from '../../shared/http';
import { effectiveGrants, type GroupGrants, type Role } from '../../shared/permissions';
import { firstInbox } from '../conversations/inboxPages';
import type { ServerDeps } from '../deps';
import type { SignInMethod } from './sessions.repository';
import { buildSessionInfo } from './sessionInfo';
import { hashToken, newToken } from './tokens';

const HOUR_MS = 60 * 60 * 1000;

export function startSession(
  { repos, clock, config }: ServerDeps,
  member: { id: number; role: Role; groupGrants: GroupGrants | null },
  signInMethod: SignInMethod,
): SignInResponse {
  const grants = effectiveGrants(member.role, member.groupGrants);
  // Owners can do everything, which includes seeing every location's conversations.
  const locationIds =
    member.role === 'owner' ? repos.workspace.locations().map((location) => location.id) : repos.team.assignedLocationIds(member.id);
  const token = newToken();
  const now = clock.now();
  const expiresAt = now + config.sessionTtlHours * HOUR_MS;
  repos.transaction(() => {
    repos.sessions.create({ tokenHash: hashToken(token), memberId: member.id, grants, locationIds, createdAt: now, expiresAt, signInMethod });
    if (signInMethod === 'password') repos.reception.clearPinFailures(member.id);
  });
  const session = buildSessionInfo(repos, { memberId: member.id, grants, locationIds });
  if (!session) throw new Error('The workspace is missing although a member signed in.');
  // The session as its socket will find it: the first inbox is what that socket could ask for.
  const stored = repos.sessions.findActive(hashToken(token), now);
  const inbox = stored ? firstInbox(repos, stored, now) : undefined;
  return { token, expiresAt, session, ...(inbox ? { firstInbox: inbox } : {}) };
}
