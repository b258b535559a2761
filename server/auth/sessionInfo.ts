// Builds what the renderer learns about its session: who, what they may do, where, and the
// workspace's current settings.
import type { SessionInfo } from '../../shared/domain';
import type { Grants } from '../../shared/permissions';
import type { Repositories } from '../repositories';

/** A location without a time zone of its own keeps the server's. */
const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function buildSessionInfo(
  repos: Repositories,
  session: { memberId: number; grants: Grants; locationIds: readonly number[] },
): SessionInfo | null {
  const member = repos.team.memberById(session.memberId);
  const workspace = repos.workspace.get();
  if (!member || !workspace) return null;
  return {
    member,
    grants: session.grants,
    locations: repos.workspace.locationsByIds(session.locationIds).map((location) => ({
      ...location,
      timeZone: repos.workspace.timeZoneOf(location.id) ?? SERVER_TIME_ZONE,
    })),
    workspace,
  };
}
